#!/usr/bin/env node
// Checks the KQL of the monitoring, in the build: every query is parsed and bound by Microsoft's Kusto language
// service against the Application Insights tables, and every event name it filters on and every customDimensions or
// customMeasurements key it reads must exist in the event catalogue (docs/events.schema.json). On the same syntax tree
// it lints what binds but computes the wrong thing (lint.js): unweighted counts over sampled tables, Sunday weeks, and
// ago() windows that differ from the window of the rule or tile that runs the query.
//
//   node tools/kql-check/check.js --catalogue docs/events.schema.json [--windows windows.json] infra/queries docs
//
// windows.json maps a query file to the window its rule or tile runs it over, as an ISO 8601 duration, and for a log
// alert how often it runs ({"infra/queries/dash-04-security.kql": "P7D", "infra/queries/alert-01-new-registration.kql":
// {"window": "PT1H", "every": "PT15M"}}); a ```kql block of a .md file preceded by <!-- query: file --> is that
// file's query.
//
// Queries are the .kql files, and the ```kql blocks of the .md files, found in the paths given. The report is JSON on
// standard output, one entry per query; the exit code is 1 when any query has a problem, 2 on bad usage.
'use strict';

require('@kusto/language-service-next/bridge.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.js');
const fs = require('fs');
const path = require('path');
const lint = require('./lint.js');

const Symbols = Kusto.Language.Symbols;
const SyntaxKind = Kusto.Language.Syntax.SyntaxKind;
const EventsTable = 'customEvents';
const PropertyColumns = ['customDimensions', 'customMeasurements'];

function main(argv) {
  const { catalogue, windows, inputs } = parseArguments(argv);
  const globals = applicationInsightsGlobals(path.join(__dirname, 'application-insights-tables.json'));
  const events = loadCatalogue(catalogue);
  const windowOf = windows ? loadWindows(windows) : new Map();
  const queries = inputs.flatMap(collectQueries);
  if (queries.length === 0) {
    throw new UsageError(`no query found in ${inputs.join(', ')}`);
  }

  const report = queries.map(query => {
    const analysis = analyze(query.text, globals);
    const problems = [
      ...analysis.errors.map(e => at(query, e.start, `${e.code} ${e.message}`)),
      ...checkCatalogue(analysis, events).map(p => at(query, p.start, p.message)),
      ...lint.check(analysis.code, globals, windowOf.get(query.origin)).map(p => at(query, p.start, p.message)),
    ];
    return { source: query.source, line: query.line, events: [...analysis.events.keys()].sort(), keys: [...new Set(analysis.keys.map(k => k.key))].sort(), problems };
  });

  process.stdout.write(JSON.stringify({ queries: report }, null, 2) + '\n');
  const failed = report.filter(r => r.problems.length > 0);
  for (const query of failed) {
    for (const problem of query.problems) {
      process.stderr.write(`${problem.location}: ${problem.message}\n`);
    }
  }

  process.stderr.write(`${report.length} queries checked, ${failed.length} with problems\n`);
  return failed.length === 0 ? 0 : 1;
}

function parseArguments(argv) {
  let catalogue = null;
  let windows = null;
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--catalogue') {
      catalogue = argv[++i];
    } else if (argv[i] === '--windows') {
      windows = argv[++i];
    } else {
      inputs.push(argv[i]);
    }
  }

  if (!catalogue || inputs.length === 0) {
    throw new UsageError('usage: check.js --catalogue <events.schema.json> [--windows <windows.json>] <file or folder>...');
  }

  return { catalogue, windows, inputs };
}

// Query file → the window its rule or tile runs it over and, for a log alert, how often it runs, in milliseconds:
// "P7D", or {"window": "PT1H", "every": "PT15M"}.
function loadWindows(file) {
  const windows = new Map();
  for (const [query, value] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    const { window, every } = typeof value === 'string' ? { window: value } : value;
    windows.set(normalize(query), { ...span(file, query, window), every: every === undefined ? null : span(file, query, every) });
  }

  return windows;
}

function span(file, query, duration) {
  const milliseconds = lint.isoDurationMilliseconds(duration);
  if (milliseconds === null) {
    throw new UsageError(`${file}: '${duration}' (for ${query}) is not an ISO 8601 duration such as PT15M or P30D`);
  }

  return { duration, milliseconds };
}

function normalize(file) {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
}

function applicationInsightsGlobals(tablesFile) {
  const tables = Object.entries(JSON.parse(fs.readFileSync(tablesFile, 'utf8')))
    .filter(([name]) => !name.startsWith('_'))
    .map(([name, schema]) => new Symbols.TableSymbol.$ctor7(name, schema, null));
  const database = new Symbols.DatabaseSymbol.$ctor1('ApplicationInsights', Bridge.toList(tables), false);
  return Kusto.Language.GlobalState.Default.WithDatabase(database);
}

// Event name → the set of keys its customDimensions may hold (its properties and those the SDK adds).
function loadCatalogue(file) {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const events = new Map();
  for (const event of schema.events) {
    events.set(event.name, new Set([...schema.reservedProperties, ...event.properties.map(p => p.name)]));
  }

  return events;
}

function collectQueries(input) {
  const stat = fs.statSync(input);
  if (stat.isDirectory()) {
    return fs.readdirSync(input).sort().flatMap(entry => {
      const full = path.join(input, entry);
      return fs.statSync(full).isDirectory() || /\.(kql|md)$/.test(entry) ? collectQueries(full) : [];
    });
  }

  const text = fs.readFileSync(input, 'utf8');
  if (input.endsWith('.kql')) {
    return [{ source: input, origin: normalize(input), line: 1, text }];
  }

  // Fenced ```kql blocks of a Markdown file.
  const queries = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*```kql\s*$/.test(lines[i])) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) {
        end++;
      }

      const annotation = i > 0 ? /^<!-- query: (\S+) -->$/.exec(lines[i - 1].trim()) : null;
      queries.push({ source: input, origin: annotation ? normalize(annotation[1]) : null, line: start + 1, text: lines.slice(start, end).join('\n') });
      i = end;
    }
  }

  return queries;
}

// Parses and binds a query; returns its errors, the event names it compares `name` with, and the property keys it reads.
function analyze(text, globals) {
  const code = Kusto.Language.KustoCode.ParseAndAnalyze(text, globals);
  const errors = Bridge.toArray(code.GetDiagnostics())
    .filter(d => d.Severity === 'Error')
    .map(d => ({ code: d.Code, message: d.Message, start: d.Start }));
  const events = new Map();
  const keys = [];
  const tableOf = expression => {
    const symbol = expression && expression.ReferencedSymbol;
    const table = symbol instanceof Symbols.ColumnSymbol ? globals.GetTable(symbol) : null;
    return table ? table.Name : null;
  };
  const isEventsColumn = (expression, names) =>
    expression && expression.ReferencedSymbol && names.includes(expression.ReferencedSymbol.Name) && tableOf(expression) === EventsTable;
  const addEvent = (literal) => {
    if (literal && typeof literal.LiteralValue === 'string') {
      events.set(literal.LiteralValue, literal.TextStart);
    }
  };

  Kusto.Language.Syntax.SyntaxElement.WalkNodes(code.Syntax, node => {
    switch (node.Kind) {
      case SyntaxKind.EqualExpression:
      case SyntaxKind.NotEqualExpression:
        if (isEventsColumn(node.Left, ['name'])) {
          addEvent(node.Right);
        } else if (isEventsColumn(node.Right, ['name'])) {
          addEvent(node.Left);
        }

        break;
      case SyntaxKind.InExpression:
      case SyntaxKind.NotInExpression:
        if (isEventsColumn(node.Left, ['name'])) {
          for (let i = 0; i < node.Right.Expressions.Count; i++) {
            addEvent(node.Right.Expressions.getItem(i).Element);
          }
        }

        break;
      case SyntaxKind.PathExpression:
        if (isEventsColumn(node.Expression, PropertyColumns)) {
          keys.push({ column: node.Expression.ReferencedSymbol.Name, key: node.Selector.SimpleName, start: node.Selector.TextStart });
        }

        break;
      case SyntaxKind.ElementExpression:
        if (isEventsColumn(node.Expression, PropertyColumns)) {
          const selector = node.Selector.Expression;
          keys.push(typeof selector.LiteralValue === 'string'
            ? { column: node.Expression.ReferencedSymbol.Name, key: selector.LiteralValue, start: selector.TextStart }
            : { column: node.Expression.ReferencedSymbol.Name, key: null, start: selector.TextStart });
        }

        break;
    }
  });

  return { code, errors, events, keys };
}

// A query that filters events must name catalogue events, and read keys those events carry; a query that does not
// filter must read keys some event carries. Custom events have no customMeasurements: the SDK sends every value as a
// customDimensions string.
function checkCatalogue(analysis, catalogue) {
  const problems = [];
  for (const [name, start] of analysis.events) {
    if (!catalogue.has(name)) {
      problems.push({ start, message: `event '${name}' is not in the catalogue` });
    }
  }

  const filtered = [...analysis.events.keys()].filter(name => catalogue.has(name));
  const scope = filtered.length > 0 ? filtered : [...catalogue.keys()];
  for (const key of analysis.keys) {
    if (key.column === 'customMeasurements') {
      problems.push({ start: key.start, message: `customMeasurements is empty for custom events: read '${key.key}' from customDimensions` });
    } else if (key.key === null) {
      problems.push({ start: key.start, message: 'customDimensions is read with a computed key, which cannot be checked: use a literal key' });
    } else if (!scope.some(name => catalogue.get(name).has(key.key))) {
      const where = filtered.length > 0 ? `the events the query filters on (${filtered.join(', ')})` : 'any event of the catalogue';
      problems.push({ start: key.start, message: `customDimensions key '${key.key}' is not a property of ${where}` });
    }
  }

  return problems;
}

function at(query, offset, message) {
  const before = query.text.slice(0, offset).split('\n');
  const line = query.line + before.length - 1;
  const column = before[before.length - 1].length + 1;
  return { location: `${query.source}:${line}:${column}`, message };
}

class UsageError extends Error {}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`kql-check: ${error.message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 3;
}
