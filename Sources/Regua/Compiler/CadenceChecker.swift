/// Checks one cadence declaration's items and builds the ``Cadence``.
struct CadenceChecker {
  var diagnostics: [Diagnostic] = []
  /// What "did you mean" may still spend on the file's cadences.
  private var suggestionBudget = Bounds.suggestionWork

  mutating func check(_ syntax: CadenceSyntax) -> Cadence? {
    let errorsBefore = diagnostics.count
    var cadence = Cadence(name: syntax.name, version: syntax.version)
    var seenSettings: [String: SourceRange] = [:]
    var stepLines: [String: Int] = [:]
    stepLines.reserveCapacity(syntax.items.count)
    var limitSyntax: [LimitSyntax] = []
    var types = TypeChecker()

    func once(_ setting: String, _ range: SourceRange) -> Bool {
      if let first = seenSettings[setting] {
        diagnostics.append(
          Diagnostic(
            .error, code: .duplicateSetting, message: "`\(setting)` is set twice", range: range,
            help: "keep one", notes: ["the first is on line \(first.start.line)"]))
        return false
      }
      seenSettings[setting] = range
      return true
    }

    var hasErrorLines = syntax.brokenHeader != nil
    for item in syntax.items {
      switch item.kind {
      case .error:
        hasErrorLines = true
      case .timeZone(let zone, let range):
        guard once("timezone", range) else { continue }
        if let problem = CadenceValidation.check(timeZone: zone, budget: &suggestionBudget) {
          report(problem, at: range)
        }
        cadence.timeZone = zone
      case .calendar(let calendar, let range):
        guard once("calendar", range) else { continue }
        cadence.calendar = calendar
      case .catchUp(let days, let range):
        guard once("catch up", range) else { continue }
        cadence.catchUpDays = days
      case .stop(let expression, _):
        if let condition = types.checkCondition(expression) { cadence.stopConditions.append(condition) }
      case .pause(let expression, _):
        if let condition = types.checkCondition(expression) { cadence.pauseConditions.append(condition) }
      case .limit(let limit):
        limitSyntax.append(limit)
      case .step(let step):
        guard let compiled = check(step, types: &types) else { continue }
        if let firstLine = stepLines[compiled.id] {
          let problem = CadenceValidation.duplicateID(compiled.id, explicit: step.explicitID != nil)
          diagnostics.append(
            Diagnostic(
              .error, code: problem.code, message: problem.message,
              range: step.explicitID?.range ?? step.offset.range.extended(to: step.actionRange), help: problem.help,
              notes: ["the first is on line \(firstLine)"]))
          continue
        }
        stepLines[compiled.id] = step.range.start.line
        cadence.steps.append(compiled)
      }
    }
    // The channels a limit may name, gathered once: checking each limit against every step
    // would cost limits × steps.
    var channels: CadenceValidation.LimitChannels?
    for limit in limitSyntax {
      let channel = limit.channel == "any" ? nil : limit.channel
      if let channel {
        var known = channels.take() ?? CadenceValidation.LimitChannels(steps: cadence.steps)
        let problem = CadenceValidation.check(limitChannel: channel, channels: &known, budget: &suggestionBudget)
        channels = known
        if let problem {
          report(problem, at: limit.channelRange)
          continue
        }
      }
      cadence.limits.append(ContactLimit(channel: channel, count: limit.count, days: limit.days))
    }
    diagnostics += types.diagnostics
    return diagnostics.count == errorsBefore && !hasErrorLines ? cadence : nil
  }

  private mutating func report(_ problem: CadenceValidation.Problem, at range: SourceRange) {
    diagnostics.append(.error(problem.code, problem.message, at: range, help: problem.help))
  }

  private mutating func check(_ step: StepSyntax, types: inout TypeChecker) -> Step? {
    var valid = true
    let offset = step.offset.offset
    if let problem = CadenceValidation.check(offset) {
      report(problem, at: step.offset.range)
      valid = false
    }
    let action = Action(step.action, arguments: step.arguments.map(\.value))
    if let problem = CadenceValidation.check(action) {
      report(problem, at: step.actionRange)
      valid = false
    }
    if let id = step.explicitID, let problem = CadenceValidation.check(explicitID: id.value) {
      report(problem, at: id.range)
      valid = false
    }
    let when = step.when.map { types.checkCondition($0) }
    let unless = step.unless.map { types.checkCondition($0) }
    if when == .some(nil) || unless == .some(nil) { valid = false }
    guard valid else { return nil }
    return Step(id: step.explicitID?.value, offset: offset, action: action, when: when ?? nil, unless: unless ?? nil)
  }
}
