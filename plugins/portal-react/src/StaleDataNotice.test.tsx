import { render, screen } from '@testing-library/react';
import { DateTime, Settings } from 'luxon';
import { StaleDataNotice } from './StaleDataNotice';

describe('StaleDataNotice', () => {
  afterEach(() => {
    Settings.now = () => Date.now();
  });

  it('names the system that failed, the age of what is shown and the reason', () => {
    const noon = DateTime.fromISO('2026-11-27T12:00:00Z').toMillis();
    Settings.now = () => noon;
    render(
      <StaleDataNotice
        source="Prometheus"
        lastSuccessAt="2026-11-27T11:40:00Z"
        error="connect ECONNREFUSED 127.0.0.1:9090"
      />,
    );
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('Prometheus did not answer on the latest refresh.');
    expect(notice).toHaveTextContent('refreshed 20 minutes ago');
    expect(notice).toHaveTextContent('ECONNREFUSED');
  });

  it('says when nothing has been read yet', () => {
    render(<StaleDataNotice source="Kubecost" />);
    expect(screen.getByRole('status')).toHaveTextContent('No values have been read yet.');
  });
});
