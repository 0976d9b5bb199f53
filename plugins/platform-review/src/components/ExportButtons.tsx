import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { platformReviewApiRef } from '../api/PlatformReviewApi';

/** Saves a blob under its name through a temporary link, so the browser downloads it. */
function saveFile(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One click each: the week as Markdown (for the all-hands notes) and as CSV. */
export function ExportButtons(props: { isoWeek: string }) {
  const api = useApi(platformReviewApiRef);
  const [busy, setBusy] = useState<'md' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'md' | 'csv') => {
    setBusy(format);
    setError(null);
    try {
      const { fileName, blob } = await api.exportWeek(props.isoWeek, format);
      saveFile(fileName, blob);
    } catch (e) {
      setError(`Could not export: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button variant="outlined" color="primary" disabled={busy !== null} onClick={() => download('md')}>
        Download Markdown
      </Button>
      <Button variant="outlined" color="primary" disabled={busy !== null} onClick={() => download('csv')}>
        Download CSV
      </Button>
      {error && (
        <span role="alert" style={{ color: '#c62828' }}>
          {error}
        </span>
      )}
    </>
  );
}
