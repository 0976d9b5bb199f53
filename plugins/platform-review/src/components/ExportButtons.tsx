import { WeeklyReview, weeklyReviewCsv, weeklyReviewMarkdown } from '@internal/plugin-platform-review-common';
import Button from '@material-ui/core/Button';
import { REVIEW_FORMATTERS } from '../format/reviewFormatters';

/** Saves text under a name through a temporary link, so the browser downloads it. */
function saveFile(fileName: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * One click each: the week as Markdown (for the all-hands notes) and as CSV, both with all
 * 12 weeks of every indicator overall and per team, written from what the page shows with
 * the same formatters.
 */
export function ExportButtons(props: { review: WeeklyReview }) {
  const { review } = props;
  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        onClick={() => saveFile(`platform-review-${review.isoWeek}.md`, 'text/markdown;charset=utf-8', weeklyReviewMarkdown(review, REVIEW_FORMATTERS))}
      >
        Download Markdown
      </Button>
      <Button
        variant="outlined"
        color="primary"
        onClick={() => saveFile(`platform-review-${review.isoWeek}.csv`, 'text/csv;charset=utf-8', weeklyReviewCsv(review))}
      >
        Download CSV
      </Button>
    </>
  );
}
