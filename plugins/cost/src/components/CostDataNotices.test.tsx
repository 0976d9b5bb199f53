import { render, screen } from '@testing-library/react';
import { meta, windows } from '../__testUtils__/costResponses';
import { CostDataNotices } from './CostDataNotices';

describe('CostDataNotices', () => {
  it('names what the source answered, the days of the window shown, and the latest day read', () => {
    render(
      <CostDataNotices
        window="30d"
        meta={meta({
          windows: windows(['kubecost', 'aws'], { '30d': 27 }),
          sources: [
            {
              source: 'kubecost',
              lastIngestedDay: '2026-11-29',
              lastSuccessAt: null,
              lastError:
                'Kubecost answered HTTP 400: error computing allocation',
              pendingDays: 3,
            },
          ],
        })}
      />,
    );
    expect(
      screen.getByText(
        /^Last 30 days: 1 Nov – 30 Nov .*27 of 30 days read \(Kubecost 27, AWS Cost Explorer 27\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Kubecost answered HTTP 400: error computing allocation. The figures include 27 of the 30 days of this window from Kubecost; 3 days of the look-back window will be asked for again on the next run. Every run has had errors so far; the latest day read from Kubecost is 29 Nov.',
    );
  });

  it('notes days a source answered with no cost at all', () => {
    const answered = windows(['kubecost']);
    answered['7d'].sources[0] = {
      source: 'kubecost',
      daysWithCost: 4,
      daysEmpty: 3,
    };
    render(<CostDataNotices window="7d" meta={meta({ windows: answered })} />);
    expect(
      screen.getByText(
        'Kubecost answered with no cost at all for 3 of the 7 days; they are asked for again once a day.',
      ),
    ).toBeInTheDocument();
  });
});
