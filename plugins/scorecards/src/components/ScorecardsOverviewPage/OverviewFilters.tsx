import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { OverviewQuery } from '../../api/ScorecardsApi';

const ALL = '';

function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: string[];
  display?: (value: string) => string;
  onChange: (value: string | undefined) => void;
}) {
  const display = props.display ?? ((v: string) => v);
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
      <InputLabel id={`${props.id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        label={props.label}
        value={props.value ?? ALL}
        onChange={event => props.onChange((event.target.value as string) || undefined)}
      >
        <MenuItem value={ALL}>All</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option} value={option}>
            {display(option)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** group:default/checkout → checkout; other namespaces and kinds stay visible. */
const shortRef = (ref: string) => ref.replace(/^(group|system):default\//, '');

/** Team, system and lifecycle filters over the grid and the CSV export. */
export function OverviewFilters(props: {
  query: OverviewQuery;
  options: { owners: string[]; systems: string[]; lifecycles: string[] };
  onChange: (query: OverviewQuery) => void;
}) {
  const { query, options, onChange } = props;
  return (
    <>
      <FilterSelect
        id="scorecards-team"
        label="Team"
        value={query.owner}
        options={options.owners}
        display={shortRef}
        onChange={owner => onChange({ ...query, owner })}
      />
      <FilterSelect
        id="scorecards-system"
        label="System"
        value={query.system}
        options={options.systems}
        display={shortRef}
        onChange={system => onChange({ ...query, system })}
      />
      <FilterSelect
        id="scorecards-lifecycle"
        label="Lifecycle"
        value={query.lifecycle}
        options={options.lifecycles}
        onChange={lifecycle => onChange({ ...query, lifecycle })}
      />
    </>
  );
}
