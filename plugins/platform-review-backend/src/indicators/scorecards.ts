import { IndicatorDefinition, IndicatorReport, PlatformTargets } from '@internal/plugin-platform-review-common';
import { PluginApi } from '../sources/PluginApi';
import { report, unavailable, WeekContext } from '../review/WeekContext';

const SOURCE = 'Scorecards plugin';

/** The part of `GET /api/scorecards/teams` read here. */
interface ScorecardsTeams {
  demo: boolean;
  levels: string[];
  scorecards: Array<{ id: string; title: string }>;
  teams: Array<{ owner: string; entityCount: number; scorecards: Array<{ scorecardId: string; levelCounts: Record<string, number> }> }>;
  trend: Array<{ evaluatedAt: string; scorecardId: string; levelCounts: Record<string, number> }>;
}

/**
 * Share of scored services at the configured level or above, as of each week's last
 * evaluation run (scorecards keeps one trend point per run). Teams: the latest run, shown
 * for the current week only, since past runs are not stored per team.
 */
export async function scorecardIndicator(
  api: PluginApi,
  context: WeekContext,
  definition: IndicatorDefinition,
  targets: PlatformTargets,
): Promise<IndicatorReport> {
  const result = await api.get<ScorecardsTeams>('scorecards', '/teams');
  if (!result.ok) return unavailable(definition, context, SOURCE, result.reason);
  const { body } = result;
  const scorecardId = targets.scorecardId ?? body.scorecards[0]?.id;
  const levelIndex = body.levels.indexOf(targets.scorecardLevel);
  if (!scorecardId || levelIndex < 0) {
    return unavailable(
      definition,
      context,
      SOURCE,
      !scorecardId
        ? 'no scorecard is defined'
        : `level "${targets.scorecardLevel}" is not one of the scorecard levels (${body.levels.join(', ')}); set platformReview.targets.scorecardLevel`,
    );
  }
  const atOrAbove = new Set(body.levels.slice(levelIndex));
  const share = (levelCounts: Record<string, number>): number | null => {
    const total = Object.values(levelCounts).reduce((a, b) => a + b, 0);
    if (total === 0) return null;
    const good = Object.entries(levelCounts).reduce((sum, [level, n]) => sum + (atOrAbove.has(level) ? n : 0), 0);
    return good / total;
  };
  const points = body.trend.filter(p => p.scorecardId === scorecardId).sort((a, b) => Date.parse(a.evaluatedAt) - Date.parse(b.evaluatedAt));
  const weekly = context.weeks.map(week => {
    const last = points.filter(p => Date.parse(p.evaluatedAt) >= week.start.getTime() && Date.parse(p.evaluatedAt) < week.end.getTime()).pop();
    return last ? share(last.levelCounts) : null;
  });
  // Scorecards keeps per-team levels of its latest run only: teams have this week, no past weeks.
  const isCurrentWeek = context.now.getTime() < context.current.end.getTime();
  const teams = new Map<string, Array<number | null>>();
  if (isCurrentWeek) {
    for (const team of body.teams) {
      const counts = team.scorecards.find(s => s.scorecardId === scorecardId)?.levelCounts ?? {};
      teams.set(team.owner, context.weeks.map((_, i) => (i === context.weeks.length - 1 ? share(counts) : null)));
    }
  }
  return report(definition, context, {
    source: SOURCE,
    demo: body.demo,
    weekly,
    teams: { values: teams, rated: true },
  });
}
