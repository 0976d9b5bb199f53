import { ValueFormatters } from '@internal/plugin-platform-review-common';
import { formatDuration, formatMoney } from '@internal/portal-react';

/** The portal's own formatters, so the review and its exports read as every other page. */
export const REVIEW_FORMATTERS: ValueFormatters = { duration: formatDuration, money: usd => formatMoney(usd) };
