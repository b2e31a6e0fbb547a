// The application layer: what the `junheng` command and the web server both do, written
// once. Each use case is a small value that takes its ports — a `Store`, rows read from
// files, a `WorkRunner` for CPU-heavy parts — and returns domain or planning values. None
// renders, speaks HTTP or parses arguments: the command maps its errors to exit statuses,
// the web server to HTTP statuses, each in one place.
//
// The use cases:
// - choose a county and year: ``CountyYearChoice`` (its refusal: ``CountyYearChoiceError``)
// - load a county-year from the store: ``LoadCountyYear``
// - evaluate: ``EvaluateCounties`` (rows of a file, or one stored county-year)
// - rank a province's counties: ``RankProvince``
// - plan investment: ``PlanInvestment`` (with ``UnitCosts`` and budgets, ``BudgetInput``)
// - plan teacher rotation: ``PlanRotation`` (with its rules, ``RotationRulesInput``)
// - what-if edits to a copy of a county-year, evaluated before and after: ``EvaluateWhatif``
// - import with its authorisation: ``ImportData``
