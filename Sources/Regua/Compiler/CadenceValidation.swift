/// The checks a cadence must pass whether it is written as a rule file or built in Swift, with
/// their messages: one place, so both ways of writing a cadence accept exactly the same ones.
import Foundation

enum CadenceValidation {
  /// A problem: what is wrong and how to fix it.
  struct Problem: Equatable {
    var code: DiagnosticCode
    var message: String
    var help: String?
  }

  /// Channels every cadence knows: those of the contact actions other than `notify`.
  static let builtInChannels = ActionKind.allCases.filter { $0.isContact && $0 != .notify }.map(\.rawValue)

  /// Checks a name against ``Bounds/nameBytes``: `what` says which (`the cadence's name`).
  static func check(name: String, _ what: String) -> Problem? {
    Bounds.checkName(name, what).map { Problem(code: $0.code, message: $0.message, help: $0.help) }
  }

  /// The time zones a cadence may name, read once: suggestions compare against all of them.
  private static let knownTimeZones = Suggestions.Vocabulary(TimeZone.knownTimeZoneIdentifiers)

  /// Checks a time zone; a suggestion spends from `budget`, shared by the file's suggestions.
  static func check(timeZone: String, budget: inout Int) -> Problem? {
    if let problem = check(name: timeZone, "the time zone") { return problem }
    guard TimeZone(identifier: timeZone) == nil else { return nil }
    let suggestion = knownTimeZones.closest(to: timeZone, budget: &budget)
    return Problem(
      code: .unknownTimeZone, message: "unknown time zone `\(timeZone)`",
      help: suggestion.map { "did you mean `\($0)`?" } ?? "use an IANA name such as `America/Sao_Paulo`")
  }

  static func check(_ offset: Offset) -> Problem? {
    if offset.anchor == .promise {
      return Problem(
        code: .reservedOffset,
        message: "`P+` offsets are reserved for promise-to-pay steps, which are not available yet",
        help: "count from the due date (`D+N`) or the issue date (`I+N`)")
    }
    if offset.unit == .businessDays, offset.days == 0 {
      return Problem(
        code: .badOffset, message: "a business-day offset counts at least one business day",
        help:
          "write `\(offset.anchor.rawValue)0` for the anchor's own day, or `\(offset.anchor.rawValue)+1 business day`")
    }
    if offset.unit == .businessDays, offset.days.magnitude > Bounds.offsetBusinessDays {
      return Problem(
        code: .offsetOutOfRange,
        message: "the offset is more than \(Bounds.offsetBusinessDays) business days from its anchor",
        help: "business-day offsets are at most \(Bounds.offsetBusinessDays) business days (about ten years)")
    }
    if offset.days.magnitude > Offset.maximumDays {
      return Problem(
        code: .offsetOutOfRange, message: "the offset is more than \(Offset.maximumDays) days from its anchor",
        help: "offsets are at most \(Offset.maximumDays) days (ten years) before or after")
    }
    if offset.anchor == .issue, offset.days < 0 {
      return Problem(
        code: .offsetBeforeIssue, message: "a step cannot be scheduled before the invoice is issued",
        help: "use `I+\(offset.days.magnitude)` or count from the due date with `D-\(offset.days.magnitude)`")
    }
    return nil
  }

  static func check(_ action: Action) -> Problem? {
    guard action.kind == .notify else { return nil }
    guard let channel = action.channel, channel.isChannelName else {
      return Problem(
        code: .missingChannel, message: "`notify` needs a channel", help: "write `notify slack \"template\"`")
    }
    if builtInChannels.contains(channel) {
      return Problem(
        code: .notifyBuiltIn, message: "`notify \(channel)` duplicates the built-in `\(channel)` action",
        help: "write `\(channel)` instead")
    }
    return nil
  }

  /// A step's `fallback` channels: only a contact has them, none is its own channel, none is
  /// listed twice, and each is a valid channel name.
  static func check(fallbacks: [Channel], of action: Action) -> Problem? {
    guard !fallbacks.isEmpty else { return nil }
    guard let own = action.channel, action.kind.isContact else {
      return Problem(
        code: .badFallback, message: "`fallback` is for contacts; `\(action.kind.rawValue)` contacts no one",
        help: "remove `fallback`, or give it to an email, sms, whatsapp, call, letter or notify step")
    }
    for (index, channel) in fallbacks.enumerated() {
      if channel.name == own {
        return Problem(
          code: .badFallback, message: "the step already contacts on `\(own)`",
          help: "fall back on another channel")
      }
      if fallbacks[..<index].contains(channel) {
        return Problem(
          code: .badFallback, message: "`\(channel.name)` is listed twice after `fallback`", help: "keep one")
      }
      if Channel(builtIn: channel.name) == nil, let problem = Channel.problem(hostName: channel.name) {
        return Problem(code: .badFallback, message: problem, help: "write `fallback notify push` for a host channel")
      }
    }
    return nil
  }

  static func check(explicitID id: String) -> Problem? {
    if let problem = check(name: id, "the step id") { return problem }
    guard !Step.isValidID(id) else { return nil }
    return Problem(
      code: .badStepId, message: "`\(id)` is not a valid step id",
      help: "ids are lower-case letters, digits and `_.+-`, starting with a letter or digit, e.g. `first-call`")
  }

  /// Checks a calendar's name against the built-in calendars and `known` (the file's and the
  /// host's); a suggestion spends from `budget`.
  static func check(calendar name: String, known: Set<String>, budget: inout Int) -> Problem? {
    guard BusinessCalendar.builtIn[name] == nil, !known.contains(name) else { return nil }
    let names = BusinessCalendar.builtInNames + known.sorted()
    let suggestion =
      Habits.calendar(for: name).flatMap { names.contains($0) ? $0 : nil }
      ?? names.first { $0.lowercased() == name.lowercased() }
      ?? Suggestions.closest(to: name, among: names, budget: &budget)
    return Problem(
      code: .unknownCalendar, message: "unknown calendar `\(name)`",
      help: suggestion.map { "did you mean `\($0)`?" }
        ?? "the calendars are " + names.map { "`\($0)`" }.joined(separator: ", ")
        + "; declare another with `calendar \"name\" extends BR` in a rule file of the rules directory")
  }

  /// A `holiday` or `workday` line (`what`) needs a calendar that moves dates.
  static func checkCalendarDay(_ what: String, calendar: String?) -> Problem? {
    guard calendar == nil || calendar == "none" else { return nil }
    return Problem(
      code: .calendarNeeded, message: "`\(what)` changes the cadence's business calendar, but it has none",
      help: "add `calendar BR` (or `US`, or a calendar of your own) to the cadence")
  }

  /// A day written twice among a cadence's `holiday` and `workday` lines.
  static func repeatedDay(_ date: CivilDate) -> Problem {
    Problem(
      code: .repeatedDay, message: "\(date) is already a `holiday` or a `workday` of the cadence",
      help: "keep one line for the day")
  }

  static func duplicateID(_ id: String, explicit: Bool) -> Problem {
    Problem(
      code: .duplicateStep, message: "two steps have the id `\(id)`",
      help: explicit ? "choose another id" : "give one of them its own id with `as`, e.g. `as \(id)-2`")
  }

  /// The channels a `limit` may name: the built-in ones and those of the cadence's steps,
  /// gathered once per cadence so that checking every limit costs time proportional to the
  /// limits plus the steps, not their product.
  struct LimitChannels {
    let names: Set<String>
    /// The names in order, sorted once when the first unknown channel is reported.
    private var sortedNames: [String]?

    /// The channels the cadence's contact steps use.
    let contactChannels: Set<String>

    init(steps: [Step]) {
      contactChannels = Set(steps.compactMap(\.channel) + steps.flatMap { $0.fallbacks.map(\.name) })
      names = contactChannels.union(builtInChannels)
    }

    mutating func sorted() -> [String] {
      if let sortedNames { return sortedNames }
      let sorted = names.sorted()
      sortedNames = sorted
      return sorted
    }
  }

  /// Checks a limit's channel against channels gathered once for the cadence; a suggestion
  /// spends from `budget`, shared by the file's suggestions.
  static func check(limitChannel channel: String, channels: inout LimitChannels, budget: inout Int) -> Problem? {
    guard !channels.names.contains(channel) else { return nil }
    let sorted = channels.sorted()
    let portuguese = Habits.action(for: channel).flatMap { channels.names.contains($0) ? $0 : nil }
    let suggestion = portuguese ?? Suggestions.closest(to: channel, among: sorted + ["any"], budget: &budget)
    return Problem(
      code: .unknownChannel, message: "unknown channel `\(channel)`",
      help: suggestion.map { "did you mean `\($0)`?" } ?? "limit `any` or a contact channel: " + listed(sorted))
  }

  /// Checks a window's channel (`nil` for `any`): a channel the cadence's contact steps use.
  /// A window on a channel no step uses restricts nothing, so it is an error, not a no-op.
  static func check(windowChannel channel: String?, channels: inout LimitChannels, budget: inout Int) -> Problem? {
    let used = channels.contactChannels
    guard let channel else {
      guard used.isEmpty else { return nil }
      return Problem(
        code: .unusedWindow, message: "the cadence has no contact step, so `window any` restricts nothing",
        help: "remove the line")
    }
    guard !used.contains(channel) else { return nil }
    if channels.names.contains(channel) {
      return Problem(
        code: .unusedWindow,
        message: "no step of the cadence contacts by `\(channel)`, so its window restricts nothing",
        help: used.isEmpty
          ? "remove the line" : "window a channel the steps use (\(listed(used.sorted()))), or `any`")
    }
    let sorted = used.sorted()
    let portuguese = Habits.action(for: channel).flatMap { used.contains($0) ? $0 : nil }
    let suggestion = portuguese ?? Suggestions.closest(to: channel, among: sorted + ["any"], budget: &budget)
    return Problem(
      code: .unknownChannel, message: "unknown channel `\(channel)`",
      help: suggestion.map { "did you mean `\($0)`?" } ?? "window `any` or a channel the steps use: " + listed(sorted))
  }

  /// At most the first dozen names, quoted, and how many more there are.
  private static func listed(_ names: [String]) -> String {
    let shown = names.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
    return names.count > 12 ? shown + " and \(names.count - 12) more" : shown
  }
}
