import { weeksEndingWith } from '@internal/plugin-platform-review-common';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import NativeSelect from '@material-ui/core/NativeSelect';

/** The last 26 ISO weeks, newest first. */
export function WeekPicker(props: { currentWeek: string; timeZone: string; value: string; onChange: (week: string) => void }) {
  const weeks = weeksEndingWith(props.currentWeek, 26, props.timeZone).reverse();
  return (
    <FormControl>
      <InputLabel htmlFor="platform-review-week">Week</InputLabel>
      <NativeSelect id="platform-review-week" value={props.value} onChange={e => props.onChange(e.target.value)}>
        {weeks.map(week => (
          <option key={week} value={week}>
            {week === props.currentWeek ? `${week} (this week)` : week}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}
