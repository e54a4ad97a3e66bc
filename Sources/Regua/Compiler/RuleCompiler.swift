import Foundation

/// A rule file after checking: its cadences and every diagnostic, sorted by position.
public struct RuleFile: Sendable, Hashable {
  /// The text the file was read from.
  public var source: SourceFile
  /// The cadences that compiled without errors, in file order.
  public var cadences: [Cadence]
  /// Every problem found, sorted by position.
  public var diagnostics: [Diagnostic]

  /// Whether the file has no errors.
  public var isValid: Bool { !diagnostics.containsErrors }
}

/// Turns rule-file text into validated cadences: lex → parse → check.
public enum RuleCompiler {
  /// Lexes, parses and checks a rule file. Never throws and never traps: every problem is a
  /// diagnostic, and a cadence with errors is left out of ``RuleFile/cadences``.
  public static func compile(_ source: SourceFile) -> RuleFile {
    var lexer = Lexer()
    let lines = lexer.tokenize(source)
    var parser = Parser(quietLines: lexer.failedLines)
    let syntax = parser.parse(lines)
    var checker = CadenceChecker()
    var cadences: [Cadence] = []
    var names: [String: SourceRange] = [:]
    for declaration in syntax.cadences {
      if let first = names[declaration.name] {
        checker.diagnostics.append(
          Diagnostic(
            .error, code: "duplicate-cadence", message: "a cadence named `\(declaration.name)` is already declared",
            range: declaration.nameRange, help: "rename one of them",
            notes: ["the first is on line \(first.start.line)"]))
        continue
      }
      names[declaration.name] = declaration.nameRange
      if let cadence = checker.check(declaration) { cadences.append(cadence) }
    }
    let diagnostics = (lexer.diagnostics + parser.diagnostics + checker.diagnostics).sortedByPosition()
    return RuleFile(source: source, cadences: diagnostics.containsErrors ? [] : cadences, diagnostics: diagnostics)
  }

  /// Parses the syntax tree of a rule file without checking names and types.
  public static func parse(_ source: SourceFile) -> (syntax: RuleFileSyntax, diagnostics: [Diagnostic]) {
    var lexer = Lexer()
    let lines = lexer.tokenize(source)
    var parser = Parser(quietLines: lexer.failedLines)
    let syntax = parser.parse(lines)
    return (syntax, (lexer.diagnostics + parser.diagnostics).sortedByPosition())
  }
}

/// Checks one cadence declaration's items and builds the ``Cadence``.
struct CadenceChecker {
  var diagnostics: [Diagnostic] = []

  private static let builtInChannels = ["email", "sms", "whatsapp", "call", "letter"]

  mutating func check(_ syntax: CadenceSyntax) -> Cadence? {
    let errorsBefore = diagnostics.count
    var cadence = Cadence(name: syntax.name, version: syntax.version)
    var seenSettings: [String: SourceRange] = [:]
    var stepLines: [String: Int] = [:]
    var limitSyntax: [LimitSyntax] = []
    var types = TypeChecker()

    func once(_ setting: String, _ range: SourceRange) -> Bool {
      if let first = seenSettings[setting] {
        diagnostics.append(
          Diagnostic(
            .error, code: "duplicate-setting", message: "`\(setting)` is set twice", range: range,
            help: "keep one", notes: ["the first is on line \(first.start.line)"]))
        return false
      }
      seenSettings[setting] = range
      return true
    }

    for item in syntax.items {
      switch item {
      case .timeZone(let zone, let range):
        guard once("timezone", range) else { continue }
        if TimeZone(identifier: zone) == nil {
          let suggestion = Suggestions.closest(to: zone, among: TimeZone.knownTimeZoneIdentifiers)
          diagnostics.append(
            .error(
              "unknown-time-zone", "unknown time zone `\(zone)`", at: range,
              help: suggestion.map { "did you mean `\($0)`?" } ?? "use an IANA name such as `America/Sao_Paulo`"))
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
          let help =
            step.explicitID == nil
            ? "give one of them its own id with `as`, e.g. `as \(compiled.id)-2`" : "choose another id"
          diagnostics.append(
            Diagnostic(
              .error, code: "duplicate-step", message: "two steps have the id `\(compiled.id)`",
              range: step.explicitID?.1 ?? step.offset.range.extended(to: step.actionRange), help: help,
              notes: ["the first is on line \(firstLine)"]))
          continue
        }
        stepLines[compiled.id] = step.range.start.line
        cadence.steps.append(compiled)
      }
    }
    let channels = Set(CadenceChecker.builtInChannels + cadence.steps.compactMap(\.channel))
    for limit in limitSyntax {
      if limit.channel != "any", !channels.contains(limit.channel) {
        let suggestion = Suggestions.closest(to: limit.channel, among: channels.sorted() + ["any"])
        diagnostics.append(
          .error(
            "unknown-channel", "unknown channel `\(limit.channel)`", at: limit.channelRange,
            help: suggestion.map { "did you mean `\($0)`?" }
              ?? "limit `any` or a contact channel: " + channels.sorted().map { "`\($0)`" }.joined(separator: ", ")))
        continue
      }
      cadence.limits.append(
        ContactLimit(channel: limit.channel == "any" ? nil : limit.channel, count: limit.count, days: limit.days))
    }
    diagnostics += types.diagnostics
    return diagnostics.count == errorsBefore ? cadence : nil
  }

  private mutating func check(_ step: StepSyntax, types: inout TypeChecker) -> Step? {
    var valid = true
    let offset = step.offset
    let anchor: Offset.Anchor
    switch offset.base {
    case "I": anchor = .issue
    case "P": anchor = .promise
    default: anchor = .due
    }
    if anchor == .promise {
      diagnostics.append(
        .error(
          "reserved-offset", "`P+` offsets are reserved for promise-to-pay steps, which are not available yet",
          at: offset.range,
          help: "count from the due date (`D+N`) or the issue date (`I+N`)"))
      valid = false
    } else if offset.days.magnitude > Offset.maximumDays {
      diagnostics.append(
        .error(
          "offset-out-of-range", "the offset is more than \(Offset.maximumDays) days from its anchor", at: offset.range,
          help: "offsets are at most \(Offset.maximumDays) days (ten years) before or after"))
      valid = false
    } else if anchor == .issue, offset.days < 0 {
      diagnostics.append(
        .error(
          "offset-before-issue", "a step cannot be scheduled before the invoice is issued", at: offset.range,
          help: "use `I+\(offset.days.magnitude)` or count from the due date with `D-\(offset.days.magnitude)`"))
      valid = false
    }
    let action = Action(step.action, arguments: step.arguments)
    if step.action == .notify, let channel = action.channel, CadenceChecker.builtInChannels.contains(channel) {
      diagnostics.append(
        .error(
          "notify-built-in", "`notify \(channel)` duplicates the built-in `\(channel)` action", at: step.actionRange,
          help: "write `\(channel)` instead"))
      valid = false
    }
    if let (id, range) = step.explicitID, !Step.isValidID(id) {
      diagnostics.append(
        .error(
          "bad-step-id", "`\(id)` is not a valid step id", at: range,
          help: "ids are lower-case letters, digits and `_.+-`, starting with a letter or digit, e.g. `first-call`"))
      valid = false
    }
    let when = step.when.map { types.checkCondition($0) }
    let unless = step.unless.map { types.checkCondition($0) }
    if when == .some(nil) || unless == .some(nil) { valid = false }
    guard valid else { return nil }
    return Step(
      id: step.explicitID?.0, offset: Offset(anchor, offset.days), action: action, when: when ?? nil,
      unless: unless ?? nil)
  }
}
