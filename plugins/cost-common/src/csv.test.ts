import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes fields that need it and leaves the rest alone', () => {
    expect(
      toCsv(
        ['team', 'usd'],
        [
          ['Payments, EU', 12.5],
          ['say "hi"', null],
        ],
      ),
    ).toBe('team,usd\r\n"Payments, EU",12.5\r\n"say ""hi""",\r\n');
  });
});
