/// Checks one cadence declaration of a rule file and builds the ``Cadence``: the rule file's
/// front end to ``CadenceDeclaration/check(budget:report:)``, the checker the Swift builder uses
/// too. What only a rule file can get wrong is checked here: a setting written twice, a condition's
/// names and types.
struct CadenceChecker {
  var diagnostics: [Diagnostic] = []
  /// What "did you mean" may still spend on the file's cadences.
  private var suggestionBudget = Bounds.suggestionWork
  /// The calendars a cadence may name besides the built-in ones: the file's and the host's.
  var knownCalendars: Set<String> = []
  /// The rate tables a cadence may name: those of its folder and the host's.
  var knownRateTables: Set<String> = []
  /// The rate tables declared in the rule files, checked against a cadence's `cap interest`.
  var declaredRateTables: [String: RateTable] = [:]
  /// The packs of the rules directory, which `include` names.
  var packs = PackScope([])

  mutating func check(_ syntax: CadenceSyntax) -> Cadence? {
    var declaration = CadenceDeclaration<SourceRange>(
      name: syntax.name, namePlace: syntax.nameRange, wholePlace: syntax.range)
    if let version = syntax.version {
      declaration.version = .init(value: version, place: syntax.versionRange ?? syntax.range)
    }
    declaration.headerIsBroken = syntax.brokenHeader != nil
    declaration.knownCalendars = knownCalendars
    declaration.knownRateTables = knownRateTables
    declaration.declaredRateTables = declaredRateTables
    var seenSettings: [String: SourceRange] = [:]
    var types = TypeChecker()
    var valid = syntax.brokenHeader == nil

    func once(_ setting: String, _ range: SourceRange) -> Bool {
      if let first = seenSettings[setting] {
        diagnostics.append(
          Diagnostic(
            .error, code: .duplicateSetting, message: "`\(setting)` is set twice", range: range,
            help: "keep one", notes: ["the first is on line \(first.start.line)"]))
        valid = false
        return false
      }
      seenSettings[setting] = range
      return true
    }

    declaration.steps.reserveCapacity(syntax.items.count)
    declaration.stepPlaces.reserveCapacity(syntax.items.count)
    for item in syntax.items {
      switch item.kind {
      case .error:
        valid = false
      case .timeZone(let zone, let range):
        guard once("timezone", range) else { continue }
        declaration.timeZone = (zone, range)
      case .calendar(let calendar, let range):
        guard once("calendar", range) else { continue }
        declaration.calendar = (calendar, range)
      case .catchUp(let days, let range, let numberRange):
        guard once("catch up", range) else { continue }
        declaration.catchUpDays = .init(value: days, place: numberRange)
      case .stop(let expression, _):
        if let condition = types.checkCondition(expression) { declaration.stopConditions.append(condition) }
      case .pause(let expression, _):
        if let condition = types.checkCondition(expression) { declaration.pauseConditions.append(condition) }
      case .holiday(let holiday):
        declaration.holidays.append((holiday.date, holiday.name, holiday.dateRange))
      case .workday(let date, let dateRange, _):
        declaration.workdays.append((date, dateRange))
      case .limit(let limit):
        declaration.limits.append(
          .init(
            channel: limit.channel == "any" ? nil : limit.channel,
            count: .init(value: limit.count, place: limit.countRange),
            days: .init(value: limit.days, place: limit.daysRange), channelPlace: limit.channelRange))
      case .include(let name, let nameRange, _):
        guard once("include \(SyntaxPrinter.quoted(name))", nameRange) else { continue }
        guard let (pack, isValid) = packs.packs[name] else {
          let suggestion = Suggestions.closest(to: name, among: packs.names)
          diagnostics.append(
            .error(
              .unknownPack, "no file of the rules directory declares a pack `\(SafeText.excerpt(name))`", at: nameRange,
              help: suggestion.map { "did you mean `\($0)`?" }
                ?? "declare it in a rule file of the same directory: `pack \(SyntaxPrinter.quoted(name))`"))
          valid = false
          continue
        }
        // A pack with errors is reported where it is declared; the cadence does not compile.
        guard isValid else {
          valid = false
          continue
        }
        for item in pack.items {
          switch item.kind {
          case .limit(let limit):
            declaration.limits.append(
              .init(
                channel: limit.channel == "any" ? nil : limit.channel,
                count: .init(value: limit.count, place: nameRange), days: .init(value: limit.days, place: nameRange),
                channelPlace: nameRange))
          case .conversationWait(let wait):
            declaration.waits.append(
              .init(channel: wait.channel, days: .init(value: wait.days, place: nameRange), channelPlace: nameRange))
          case .window(let window):
            declaration.packWindows.append(
              .init(
                channel: window.channel == "any" ? nil : window.channel, from: window.from, to: window.to,
                days: window.days, channelPlace: nameRange, hoursPlace: nameRange))
          default: break
          }
        }
      case .conversationWait(let wait):
        declaration.waits.append(
          .init(
            channel: wait.channel, days: .init(value: wait.days, place: wait.daysRange),
            channelPlace: wait.channelRange))
      case .cap(let cap):
        guard once("cap \(cap.kind)", cap.range) else { continue }
        let kind: ChargeCap.Kind = cap.kind == "fee" ? .fee : .interest
        switch ChargeCap.parse(kind, cap.words.map { Charge.Word(text: $0.value, isQuoted: $0.isQuoted) }) {
        case .success(let parsed):
          declaration.caps.append((parsed, cap.range))
        case .failure(let problem):
          let range = problem.word.flatMap { cap.words.indices.contains($0) ? cap.words[$0].range : nil } ?? cap.range
          diagnostics.append(
            Diagnostic(
              .error, code: problem.kind == .rate ? .badRate : .badCharge, message: problem.message, range: range,
              help: problem.help))
          valid = false
        }
      case .groupByInvoice(let range):
        guard once("group by invoice", range) else { continue }
        declaration.groupsByInvoice = true
      case .window(let window):
        declaration.windows.append(
          .init(
            channel: window.channel == "any" ? nil : window.channel, from: window.from, to: window.to,
            days: window.days, channelPlace: window.channelRange, hoursPlace: window.hoursRange))
      case .step(let step):
        let when = step.when.map { types.checkCondition($0) }
        let unless = step.unless.map { types.checkCondition($0) }
        let offset = step.offset.offset
        let action = Action(step.action, arguments: step.arguments.map(\.value))
        declaration.append(
          Step(
            id: step.explicitID?.value, offset: offset, action: action, when: when ?? nil, unless: unless ?? nil,
            anyDay: step.anyDay != nil, fallbacks: step.fallbacks.map { Channel(checkedName: $0.value) }),
          .init(
            hasExplicitID: step.explicitID != nil, offset: step.offset.range, action: step.actionRange,
            id: step.explicitID?.range ?? step.offset.range.extended(to: step.actionRange),
            fallbacks: step.fallbacks.first.map { first in
              step.fallbacks.dropFirst().reduce(first.range) { $0.extended(to: $1.range) }
            },
            conditionsFailed: when == .some(nil) || unless == .some(nil)),
          chargeWords: action.kind.isCharge
            ? step.arguments.map { (Charge.Word(text: $0.value, isQuoted: $0.isQuoted), $0.range) } : [])
      }
    }
    let cadence = declaration.check(budget: &suggestionBudget) { problem, range, first in
      diagnostics.append(
        Diagnostic(
          .error, code: problem.code, message: problem.message, range: range, help: problem.help,
          notes: first.map { ["the first is on line \($0.start.line)"] } ?? []))
    }
    diagnostics += types.diagnostics
    return valid && types.diagnostics.isEmpty ? cadence : nil
  }
}
