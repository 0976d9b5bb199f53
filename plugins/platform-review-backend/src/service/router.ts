import { weeklyReviewCsv } from '@internal/plugin-platform-review-common';
import express from 'express';
import Router from 'express-promise-router';
import { WeeklyReviewService } from '../review/WeeklyReviewService';

/**
 * - `GET /weeks/current` and `GET /weeks/:isoWeek` (e.g. 2026-W48): the week's review as JSON;
 * - `GET /weeks/:isoWeek.csv`: all 12 weeks of every indicator, overall and per team, as CSV.
 *
 * The Markdown export is written in the browser from the same JSON, with the portal's
 * formatters (`@internal/portal-react`), so it reads exactly as the page does.
 */
export function createRouter(deps: { reviews: WeeklyReviewService }): express.Router {
  const router = Router();
  const weekOf = (param: string) => (param === 'current' ? deps.reviews.currentWeek() : param);

  router.get('/weeks/:week.csv', async (req, res) => {
    const review = await deps.reviews.week(weekOf(req.params.week));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`platform-review-${review.isoWeek}.csv`)
      .send(weeklyReviewCsv(review));
  });

  router.get('/weeks/:week', async (req, res) => {
    res.json(await deps.reviews.week(weekOf(req.params.week)));
  });

  return router;
}
