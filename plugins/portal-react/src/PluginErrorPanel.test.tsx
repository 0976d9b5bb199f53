import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { PluginErrorPanel } from './PluginErrorPanel';

/** The error a plugin's API client throws for an answer, built the way the clients build it. */
async function responseError(status: number, body: unknown) {
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

describe('PluginErrorPanel', () => {
  it('says which plugin is not running, why, and the setting to fix', async () => {
    const error = await responseError(503, {
      error: {
        name: 'PluginNotRunningError',
        message: 'slo is not running: slo.prometheus lists no Prometheus; add one',
        pluginId: 'slo',
        reason: 'slo.prometheus lists no Prometheus; add one',
        setting: 'slo.prometheus',
      },
      request: { method: 'GET', url: '/api/slo/slos' },
      response: { statusCode: 503 },
    });
    await renderInTestApp(<PluginErrorPanel error={error} />);
    const panel = screen.getByRole('status');
    expect(panel).toHaveTextContent('slo is not running: slo.prometheus lists no Prometheus; add one');
    expect(panel).toHaveTextContent("An administrator fixes slo.prometheus in the portal's configuration");
    expect(screen.queryByText(/Request failed with 503/)).toBeNull();
  });

  it("shows any other failure as Backstage's response error", async () => {
    const error = await responseError(500, {
      error: { name: 'Error', message: 'database is locked' },
      request: { method: 'GET', url: '/api/slo/slos' },
      response: { statusCode: 500 },
    });
    await renderInTestApp(<PluginErrorPanel error={error} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getAllByText(/database is locked/).length).toBeGreaterThan(0);
  });
});
