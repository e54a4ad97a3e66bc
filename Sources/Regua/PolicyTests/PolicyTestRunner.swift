/// The outcome of one test: passed when it has no failures.
public struct PolicyTestResult: Sendable, Hashable {
  /// The test.
  public var test: PolicyTest
  /// Every expectation that did not hold, in order.
  public var failures: [PolicyFailure]
  /// Whether every expectation held.
  public var passed: Bool { failures.isEmpty }
  /// How many plan evaluations running the test took: one walk for all its `on` lines, one per
  /// `timeline`.
  public var evaluations = 0
}

/// An expectation that did not hold: where, and the difference.
public struct PolicyFailure: Sendable, Hashable {
  /// Where the expectation is written.
  public var position: SourcePosition
  /// What was expected and what happened, for people; may span lines. Input text it quotes (step
  /// ids, arguments, names, details) has its control characters and bidirectional overrides
  /// escaped (``SafeText/escaped(_:)``), so its only line breaks are its own.
  public var message: String
}

/// Runs `test` blocks against cadences.
public enum PolicyTestRunner {
  /// Runs one test against a cadence.
  ///
  /// `on DATE expect …` checks the plan of that day after simulating the days before it from the
  /// issue date (the host executing every action); all of a test's `on` lines share one
  /// simulation. `timeline` checks a simulation from its `from` day (default: the issue date)
  /// through its `to` day. Offsets are resolved through the cadence's ``Schedule``, as its steps
  /// are.
  public static func run(
    _ test: PolicyTest, cadence: Cadence, environment: Environment = .standard
  ) -> PolicyTestResult {
    guard test.others.isEmpty else { return runAccount(test, cadence: cadence, environment: environment) }
    let simulator: Simulator
    let invoice: Invoice
    do {
      simulator = try Simulator(cadence, environment: environment)
      invoice = try test.fixture.invoice(for: cadence, environment: environment)
    } catch let error as InvalidInput {
      let problems = error.errors.map(\.description).joined(separator: "; ")
      return PolicyTestResult(
        test: test,
        failures: [PolicyFailure(position: test.position, message: "the test's invoice is not valid: \(problems)")])
    } catch {
      return PolicyTestResult(
        test: test, failures: [PolicyFailure(position: test.position, message: String(describing: error))])
    }
    let schedule = simulator.evaluator.schedule(for: invoice)
    // Every `on` day, simulated in one walk.
    var days: [CivilDate] = []
    for check in test.checks {
      if case .on(_, let date, _) = check.expectation, let day = date.resolve(in: schedule) { days.append(day) }
    }
    let walk: (plans: [ActionPlan], evaluations: Int)
    do {
      walk = try simulator.plansCountingEvaluations(for: invoice, on: days)
    } catch {
      return PolicyTestResult(test: test, failures: [PolicyTestRunner.amountsFailure(error, at: test.position)])
    }
    var evaluations = walk.evaluations
    let plans = Dictionary(zip(days, walk.plans), uniquingKeysWith: { first, _ in first })
    let index = CadenceIndex(cadence)
    var skipIndexes: [CivilDate: [String: Int]] = [:]
    var failures: [PolicyFailure] = []
    // Suggestions for unknown steps compare against every step id: their work is shared.
    var budget = Bounds.suggestionWork
    for check in test.checks {
      let failure: (String, position: SourcePosition?)?
      switch check.expectation {
      case .timeline(let from, let to, let label, let lines, let entryPositions):
        do {
          let simulation = try simulator.run(
            invoice, from: from?.resolve(in: schedule), through: to?.resolve(in: schedule))
          evaluations += simulation.evaluations
          failure = timelineFailure(simulation, label: label, lines: lines, entryPositions: entryPositions)
        } catch {
          let problem = PolicyTestRunner.amountsFailure(error, at: test.position)
          failure = (problem.message, problem.position)
        }
      case .on(let label, let date, let expected):
        guard let day = date.resolve(in: schedule), let plan = plans[day] else {
          failure = (
            "on \(SafeText.escaped(label)): `\(SafeText.escaped("\(date)"))` names no date of the invoice", nil
          )
          break
        }
        if skipIndexes[day] == nil, case .skipped = expected {
          skipIndexes[day] = Dictionary(
            plan.skipped.enumerated().map { ($1.step, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let skip: (String) -> SkippedStep? = { step in skipIndexes[day]?[step].map { plan.skipped[$0] } }
        failure = self.failure(of: expected, plan: plan, index: index, schedule: schedule, skip: skip, budget: &budget)
          .map {
            ("on \(SafeText.escaped(label)) (\(day)): \($0)", nil)
          }
      }
      if let (message, position) = failure {
        failures.append(PolicyFailure(position: position ?? check.position, message: message))
      }
    }
    return PolicyTestResult(test: test, failures: failures, evaluations: evaluations)
  }

  /// Runs a test of several invoices: the account's plan of each `on` day, after walking the days
  /// before it from the earliest issue date (the host executing and recording every action).
  /// Offsets count from the first invoice's dates; `expect balance` reads the account's total.
  private static func runAccount(_ test: PolicyTest, cadence: Cadence, environment: Environment) -> PolicyTestResult {
    let evaluator: Evaluator
    var account: Account
    let schedule: Schedule
    do {
      evaluator = try Evaluator(cadence, environment: environment)
      let invoices = try ([test.fixture] + test.others).map { try $0.invoice(for: cadence, environment: environment) }
      account = try Account(customer: invoices[0].customer, invoices: invoices)
      schedule = evaluator.schedule(for: invoices[0])
    } catch let error as InvalidInput {
      let problems = error.errors.map(\.description).joined(separator: "; ")
      return PolicyTestResult(
        test: test,
        failures: [PolicyFailure(position: test.position, message: "the test's invoices are not valid: \(problems)")])
    } catch {
      return PolicyTestResult(
        test: test, failures: [PolicyFailure(position: test.position, message: String(describing: error))])
    }
    var days: Set<CivilDate> = []
    for check in test.checks {
      if case .on(_, let date, _) = check.expectation, let day = date.resolve(in: schedule) { days.insert(day) }
    }
    var plans: [CivilDate: AccountPlan] = [:]
    var evaluations = 0
    if let last = days.max(), var day = account.invoices.map(\.issued).min() {
      day = Swift.min(day, last)
      do throws(InvalidInput) {
        while day <= last {
          let plan = try evaluator.plan(for: account, on: day)
          evaluations += 1
          if days.contains(day) { plans[day] = plan }
          for action in plan.actions { try account.record(action, on: day) }
          day = day.adding(days: 1)
        }
      } catch {
        return PolicyTestResult(test: test, failures: [PolicyTestRunner.amountsFailure(error, at: test.position)])
      }
    }
    let index = CadenceIndex(cadence)
    var failures: [PolicyFailure] = []
    var budget = Bounds.suggestionWork
    for check in test.checks {
      guard case .on(let label, let date, let expected) = check.expectation else { continue }
      guard let day = date.resolve(in: schedule), let accountPlan = plans[day] else {
        failures.append(
          PolicyFailure(
            position: check.position,
            message: "on \(SafeText.escaped(label)): `\(SafeText.escaped("\(date)"))` names no date of the invoice"))
        continue
      }
      // Several currencies have no one balance: only `expect balance` needs one.
      if accountPlan.balance == nil, case .balance = expected {
        failures.append(
          PolicyFailure(
            position: check.position,
            message: "on \(SafeText.escaped(label)) (\(day)): the account's invoices are in several currencies, "
              + "so it has no one balance"))
        continue
      }
      guard let balance = accountPlan.balance ?? accountPlan.balances.values.first else { continue }
      // The account's plan read as one plan: its actions, skips (each naming its invoice), next
      // and total balance.
      let plan = ActionPlan(
        cadence: accountPlan.cadence, version: accountPlan.version, invoice: "", date: accountPlan.date,
        actions: accountPlan.actions, skipped: accountPlan.skipped, next: accountPlan.next, balance: balance)
      let skip: (String) -> SkippedStep? = { step in plan.skipped.first { $0.step == step } }
      if let message = failure(of: expected, plan: plan, index: index, schedule: schedule, skip: skip, budget: &budget)
      {
        failures.append(
          PolicyFailure(position: check.position, message: "on \(SafeText.escaped(label)) (\(day)): \(message)"))
      }
    }
    return PolicyTestResult(test: test, failures: failures, evaluations: evaluations)
  }

  /// A test whose cadence could not be found: one failure saying so.
  public static func unresolved(_ test: PolicyTest, message: String) -> PolicyTestResult {
    PolicyTestResult(test: test, failures: [PolicyFailure(position: test.position, message: message)])
  }

  /// The failure of a timeline expectation, and where the first entry that differs is written.
  /// The failure of a test whose invoice's amounts cannot be computed (a charge in another
  /// currency, a month missing from a rate table): the test cannot hold.
  static func amountsFailure(_ error: InvalidInput, at position: SourcePosition) -> PolicyFailure {
    let problems = error.errors.map { SafeText.escaped($0.description) }.joined(separator: "; ")
    return PolicyFailure(position: position, message: "the test's invoice cannot be evaluated: \(problems)")
  }

  private static func timelineFailure(
    _ simulation: Simulation, label: String, lines: [String], entryPositions: [SourcePosition]
  ) -> (String, position: SourcePosition?)? {
    let comparison = TimelineComparison(expected: lines, actual: simulation.timeline)
    guard let report = comparison.report else { return nil }
    let position = comparison.firstDifference.flatMap {
      entryPositions.indices.contains($0) ? entryPositions[$0] : nil
    }
    return ("\(label): \(report)", position)
  }

  /// Why the plan does not meet the expectation, or `nil`; `skip` finds a step among the plan's
  /// skips.
  private static func failure(
    of expected: PlanExpectation, plan: ActionPlan, index: CadenceIndex, schedule: Schedule,
    skip: (String) -> SkippedStep?, budget: inout Int
  ) -> String? {
    let cadence = index.cadence
    switch expected {
    case .nothing:
      return plan.actions.isEmpty
        ? nil : "expected nothing, but \(describe(plan.actions)) \(plan.actions.count == 1 ? "fires" : "fire")"
    case .fires(let words):
      let matcher: ActionMatcher
      do { matcher = try ActionMatcher(words, in: index, budget: &budget) } catch { return error.line }
      guard !plan.actions.contains(where: matcher.matches) else { return nil }
      var message =
        "expected \(matcher), but "
        + (plan.actions.isEmpty
          ? "nothing fires" : "only \(describe(plan.actions)) \(plan.actions.count == 1 ? "fires" : "fire")")
      for skip in plan.skipped {
        if let step = index.step(withID: skip.step), matcher.matches(step) {
          message += "\n  \(SafeText.escaped(skip.step)) is skipped (\(skip.reason.rawValue)): \(skip.detail)"
        }
      }
      // `expect interest 10.00` reads as an `interest` action with the argument `10.00`; an
      // amount owed is expected with `expect balance`.
      if words.count == 2, ["fee", "fees", "interest", "discount", "principal"].contains(words[0]),
        (try? ExactDecimal(parsing: words[1])) != nil
      {
        let component = words[0] == "fee" ? "fees" : words[0]
        message += "\n  to expect an amount owed, write `expect balance \(component) \(SafeText.escaped(words[1]))`"
      }
      return message
    case .doesNotFire(let words):
      let matcher: ActionMatcher
      do { matcher = try ActionMatcher(words, in: index, budget: &budget) } catch { return error.line }
      let firing = plan.actions.filter(matcher.matches)
      return firing.isEmpty
        ? nil : "expected no \(matcher), but \(describe(firing)) \(firing.count == 1 ? "fires" : "fire")"
    case .skipped(let step, let reason):
      guard index.step(withID: step) != nil else {
        return ActionMatcher.unknownStep(step, in: cadence, budget: &budget).line
      }
      let wanted = "\(SafeText.escaped(step)) skipped" + (reason.map { " (\($0.rawValue))" } ?? "")
      if let skip = skip(step) {
        guard let reason, reason != skip.reason else { return nil }
        return "expected \(wanted), but it is skipped as \(skip.reason.rawValue): \(skip.detail)"
      }
      if plan.actions.contains(where: { $0.step == step }) { return "expected \(wanted), but it fires" }
      return "expected \(wanted), but it is not due that day, or already done"
    case .next(let expected):
      let date = expected?.resolve(in: schedule)
      guard plan.next != date else { return nil }
      return "expected next \(date.map { "\($0)" } ?? "none"), but next is \(plan.next.map { "\($0)" } ?? "none")"
    case .balance(let component, let expected):
      let actual = component.of(plan.balance)
      guard actual.decimal != expected else { return nil }
      let name = component == .total ? "balance" : "balance \(component.rawValue)"
      return "expected \(name) \(expected), but it is \(actual.amountString) (\(plan.balance))"
    }
  }

  private static func describe(_ actions: [PlannedAction]) -> String {
    actions.map { action in
      let words = ([action.action.keywords.joined(separator: " ")] + action.arguments).joined(separator: " ")
      return "`\(SafeText.escaped(action.step))` (\(SafeText.escaped(words)))"
    }.joined(separator: ", ")
  }
}

/// What `expect call`, `expect email reminder`, `expect d+14-call` or `expect slack` refer to.
enum ActionMatcher: CustomStringConvertible {
  case action(ActionKind, arguments: [String])
  case step(String)
  case channel(String)

  /// Resolves the words of an expectation against a cadence: action keywords (and leading
  /// arguments), a step id, or a `notify` channel; a suggestion spends from `budget`.
  init(_ words: [String], in index: CadenceIndex, budget: inout Int) throws(PolicyTestProblem) {
    guard let first = words.first else { throw PolicyTestProblem(message: "expected an action or a step") }
    if let kind = ActionKind.allCases.first(where: { Array(words.prefix($0.keywords.count)) == $0.keywords }) {
      self = .action(kind, arguments: Array(words.dropFirst(kind.keywords.count)))
    } else if let kind = ActionKind(rawValue: first) {
      self = .action(kind, arguments: Array(words.dropFirst()))
    } else if words.count == 1, index.step(withID: first) != nil {
      self = .step(first)
    } else if words.count == 1, index.hasChannel(first) {
      self = .channel(first)
    } else {
      throw ActionMatcher.unknownStep(first, in: index.cadence, budget: &budget)
    }
  }

  static func unknownStep(_ word: String, in cadence: Cadence, budget: inout Int) -> PolicyTestProblem {
    var suggestion = Habits.action(for: word)
    if suggestion == nil, budget > 0 {
      let candidates = cadence.steps.map(\.id) + ActionKind.firstKeywords
      suggestion = Suggestions.closest(to: word, among: candidates, budget: &budget)
    }
    return PolicyTestProblem(
      message:
        "`\(SafeText.excerpt(word))` is neither an action nor a step of cadence `\(SafeText.escaped(cadence.name))`",
      help: suggestion.map { "did you mean `\(SafeText.escaped($0))`?" })
  }

  func matches(_ action: PlannedAction) -> Bool {
    matches(step: action.step, Action(action.action, arguments: action.arguments))
  }

  func matches(_ step: Step) -> Bool {
    matches(step: step.id, step.action)
  }

  private func matches(step id: String, _ action: Action) -> Bool {
    switch self {
    case .action(let kind, let arguments):
      return action.kind == kind && Array(action.arguments.prefix(arguments.count)) == arguments
    case .step(let wanted): return id == wanted
    case .channel(let channel): return action.channel == channel
    }
  }

  var description: String {
    switch self {
    case .action(let kind, let arguments):
      return "`" + SafeText.escaped(([kind.keywords.joined(separator: " ")] + arguments).joined(separator: " ")) + "`"
    case .step(let id): return "`\(SafeText.escaped(id))`"
    case .channel(let channel): return "a `\(SafeText.escaped(channel))` contact"
    }
  }
}

/// A cadence's steps by id and its channels, built once per test run, so that each expectation
/// finds what it names in constant time however many steps and lines there are.
struct CadenceIndex {
  let cadence: Cadence
  private let steps: [String: Int]
  private let channels: Set<String>

  init(_ cadence: Cadence) {
    self.cadence = cadence
    var steps: [String: Int] = [:]
    for (index, step) in cadence.steps.enumerated() where steps[step.id] == nil { steps[step.id] = index }
    self.steps = steps
    channels = Set(cadence.steps.compactMap(\.channel))
  }

  /// The first step with this id.
  func step(withID id: String) -> Step? { steps[id].map { cadence.steps[$0] } }

  /// Whether a step of the cadence contacts on this channel.
  func hasChannel(_ channel: String) -> Bool { channels.contains(channel) }
}
