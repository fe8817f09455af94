// Lints a bound query on Microsoft's Kusto syntax tree for what binds but computes the wrong thing in Application
// Insights:
// - counts and percentiles over a sampled table that do not weigh by itemCount: Application Insights 3.x rate-limits
//   requests, dependencies, exceptions and traces, and one kept row stands for itemCount items
//   (https://learn.microsoft.com/azure/azure-monitor/app/sampling-classic-api: "use summarize sum(itemCount)");
// - weeks from startofweek(), endofweek() or bin(…, 7d), which start on Sunday (startofweek) or on a Thursday (bin, from
//   1970-01-01): a Monday week is startofweek(t - 1d) + 1d
//   (https://learn.microsoft.com/kusto/query/startofweek-function);
// - an ago() whose window is not the window of the rule or tile that runs the query: the alert would look at one span
//   and the query at another; except ingestion_time() > ago(…), which keeps the rows ingested since the rule's last run
//   and must span its frequency (https://learn.microsoft.com/azure/sentinel/ingestion-delay).
'use strict';

const Syntax = Kusto.Language.Syntax;
const SyntaxKind = Syntax.SyntaxKind;
const Symbols = Kusto.Language.Symbols;

// Tables the SDK samples (business events, in customEvents, are never sampled: README, "Sampling").
const SampledTables = new Set(['requests', 'dependencies', 'exceptions', 'traces', 'pageViews', 'browserTimings']);
const UnweightedAggregates = new Map([
  ['count', 'sum(itemCount)'],
  ['countif', 'sumif(itemCount, …)'],
  ['percentile', 'percentilew(…, itemCount, …)'],
  ['percentiles', 'percentilesw(…, itemCount, …)'],
  ['percentiles_array', 'percentilesw_array(…, itemCount, …)'],
]);
const WeekFunctions = new Set(['startofweek', 'endofweek']);
const Day = 864000000000; // ticks
const Week = 7 * Day;

function check(code, globals, window) {
  const problems = [];
  Syntax.SyntaxElement.WalkNodes(code.Syntax, node => {
    if (node.Kind === SyntaxKind.FunctionCallExpression) {
      const name = node.Name.SimpleName;
      if (UnweightedAggregates.has(name)) {
        const table = sampledInput(node, SyntaxKind.SummarizeOperator, globals);
        if (table) {
          problems.push({ start: node.TextStart, message: `${name}() over ${table}, which is sampled, counts kept rows only: weigh by itemCount with ${UnweightedAggregates.get(name)}` });
        }
      } else if (WeekFunctions.has(name) && !isMondayWeek(node)) {
        problems.push({ start: node.TextStart, message: `${name}() starts weeks on Sunday: write a Monday week as ${name}(t - 1d) + 1d` });
      } else if (name === 'bin' && argumentCount(node) === 2 && ticksOf(argument(node, 1)) !== null && ticksOf(argument(node, 1)) % Week === 0) {
        problems.push({ start: node.TextStart, message: 'bin(…, 7d) starts weeks on Thursday (weeks count from 1970-01-01): write a Monday week as startofweek(t - 1d) + 1d' });
      } else if (name === 'ago' && window) {
        const ticks = argumentCount(node) === 1 ? ticksOf(argument(node, 0)) : null;
        const sinceLastRun = comparedWithIngestionTime(node);
        const expected = sinceLastRun ? window.every : window;
        if (sinceLastRun && !expected) {
          problems.push({ start: node.TextStart, message: 'ingestion_time() > ago(…) keeps what was ingested since the last run: only a log alert, which runs on a frequency, can use it' });
        } else if (ticks === null) {
          problems.push({ start: node.TextStart, message: `ago() with a computed span cannot be checked against the ${expected.duration} that runs this query: use a literal` });
        } else if (ticks / 10000 !== expected.milliseconds) {
          problems.push({
            start: node.TextStart,
            message: sinceLastRun
              ? `${node.ToString()} compared with ingestion_time() differs from the ${expected.duration} frequency of the rule that runs this query: rows would be missed or counted twice`
              : `${node.ToString()} differs from the ${expected.duration} window of the rule or tile that runs this query`,
          });
        }
      }
    } else if (node.Kind === SyntaxKind.CountOperator) {
      const table = sampledInput(node, SyntaxKind.CountOperator, globals);
      if (table) {
        problems.push({ start: node.TextStart, message: `count over ${table}, which is sampled, counts kept rows only: summarize sum(itemCount)` });
      }
    }
  });

  return problems;
}

// The sampled table whose rows reach the enclosing operator of that kind, if its input still carries their itemCount.
function sampledInput(node, operatorKind, globals) {
  let operator = node;
  while (operator && operator.Kind !== operatorKind) {
    operator = operator.Parent;
  }

  const pipe = operator && operator.Parent;
  if (!pipe || pipe.Kind !== SyntaxKind.PipeExpression) {
    return null;
  }

  // Rows of a sampled table: a column still from it (through let, project and joins), or the table's name in the input.
  // A summarize makes new columns: counting its rows counts groups, not sampled items.
  const input = pipe.Expression.ResultType;
  if (input instanceof Symbols.TableSymbol) {
    for (let i = 0; i < input.Columns.Count; i++) {
      const table = globals.GetTable(input.Columns.getItem(i));
      if (table && SampledTables.has(table.Name)) {
        return table.Name;
      }
    }
  }

  let named = null;
  Syntax.SyntaxElement.WalkNodes(pipe.Expression, reference => {
    const symbol = reference.Kind === SyntaxKind.NameReference ? reference.ReferencedSymbol : null;
    if (!named && symbol instanceof Symbols.TableSymbol && SampledTables.has(symbol.Name)) {
      named = symbol.Name;
    }
  });

  return named;
}

// ingestion_time() > ago(…) or ago(…) < ingestion_time(), and their >= / <= forms.
function comparedWithIngestionTime(call) {
  let parent = call.Parent;
  while (parent && parent.Kind === SyntaxKind.ParenthesizedExpression) {
    parent = parent.Parent;
  }

  const comparisons = [SyntaxKind.GreaterThanExpression, SyntaxKind.GreaterThanOrEqualExpression, SyntaxKind.LessThanExpression, SyntaxKind.LessThanOrEqualExpression];
  if (!parent || !comparisons.includes(parent.Kind)) {
    return false;
  }

  const other = unwrap(parent.Left === call || unwrap(parent.Left) === call ? parent.Right : parent.Left);
  return other && other.Kind === SyntaxKind.FunctionCallExpression && other.Name.SimpleName === 'ingestion_time';
}

// startofweek(x - 1d) + 1d, parentheses allowed around either part.
function isMondayWeek(call) {
  const shifted = unwrap(argumentCount(call) >= 1 ? argument(call, 0) : null);
  let parent = call.Parent;
  while (parent && parent.Kind === SyntaxKind.ParenthesizedExpression) {
    parent = parent.Parent;
  }

  return shifted && shifted.Kind === SyntaxKind.SubtractExpression && ticksOf(shifted.Right) === Day
    && parent && parent.Kind === SyntaxKind.AddExpression && ticksOf(unwrap(parent.Right)) === Day;
}

function unwrap(expression) {
  while (expression && expression.Kind === SyntaxKind.ParenthesizedExpression) {
    expression = expression.Expression;
  }

  return expression;
}

function argumentCount(call) {
  return call.ArgumentList.Expressions.Count;
}

function argument(call, index) {
  return call.ArgumentList.Expressions.getItem(index).Element;
}

// The ticks of a timespan literal, or null.
function ticksOf(expression) {
  const value = expression && expression.Kind === SyntaxKind.TimespanLiteralExpression ? expression.LiteralValue : null;
  return value && value.ticks ? value.ticks.toNumber() : null;
}

// PT15M, PT1H, P1D, P30D → milliseconds; null when not a duration of days, hours, minutes and seconds.
function isoDurationMilliseconds(duration) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) {
    return null;
  }

  const [, days, hours, minutes, seconds] = match.map(part => Number(part || 0));
  return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

module.exports = { check, isoDurationMilliseconds };
