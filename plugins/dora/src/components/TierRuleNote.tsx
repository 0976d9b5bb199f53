import Typography from '@material-ui/core/Typography';

/** The rules behind every figure and tier, shown where tiers appear. */
export function TierRuleNote(props: { team?: boolean }) {
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      {props.team
        ? "Tier: the team's own figures (all its services' deployments) in the best DORA 2024 cluster whose every bound they meet, as for a service. "
        : 'Tier: the best DORA 2024 cluster whose every bound the figures meet. '}
      Medians take the middle value (the mean of the two middle ones for an even count); p90 is the nearest rank. Recovery:
      each failed deployment to the next successful production deployment of the same service.
    </Typography>
  );
}
