import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  logo: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    color: '#7df3e1',
    fontWeight: 700,
    fontSize: 18,
    lineHeight: 1.1,
    whiteSpace: 'nowrap',
  },
  caption: {
    display: 'block',
    fontWeight: 400,
    fontSize: 12,
    color: '#cfd8dc',
  },
});

/** A stylised harbour: a wave under a roof line, in the sidebar's accent colour. */
export const HarborMark = ({ size }: { size: number }) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
    <path d="M4 14 L16 5 L28 14" fill="none" stroke="#7df3e1" strokeWidth="3" strokeLinejoin="round" />
    <path
      d="M3 22 q3.25 -4 6.5 0 t6.5 0 t6.5 0 t6.5 0"
      fill="none"
      stroke="#7df3e1"
      strokeWidth="3"
      strokeLinecap="round"
    />
  </svg>
);

/** The expanded sidebar's logo: mark plus the organisation's name. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <div className={classes.logo}>
      <HarborMark size={30} />
      <span>
        Harbor Market
        <span className={classes.caption}>Developer Portal</span>
      </span>
    </div>
  );
};
