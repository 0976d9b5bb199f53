import { weeklyReviewCsv, weeklyReviewMarkdown } from '@internal/plugin-platform-review-common';
import express from 'express';
import Router from 'express-promise-router';
import { WeeklyReviewService } from '../review/WeeklyReviewService';

/**
 * - `GET /weeks/current` and `GET /weeks/:isoWeek` (e.g. 2026-W48): the week's review as JSON;
 * - `GET /weeks/:isoWeek.md` and `.csv`: the same week as a Markdown or CSV download.
 */
export function createRouter(deps: { reviews: WeeklyReviewService }): express.Router {
  const router = Router();
  const weekOf = (param: string) => (param === 'current' ? deps.reviews.currentWeek() : param);

  router.get('/weeks/:week.md', async (req, res) => {
    const review = await deps.reviews.week(weekOf(req.params.week));
    res
      .type('text/markdown; charset=utf-8')
      .attachment(`platform-review-${review.isoWeek}.md`)
      .send(weeklyReviewMarkdown(review));
  });

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
