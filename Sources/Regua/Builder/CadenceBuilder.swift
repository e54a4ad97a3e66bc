/// One line of a cadence built in Swift: a step or a policy.
public enum CadenceComponent: Sendable, Hashable {
  /// A step.
  case step(Step)
  /// `stop when …`.
  case stop(Condition)
  /// `pause when …`.
  case pause(Condition)
  /// `limit …`.
  case limit(ContactLimit)
  /// `holiday YYYY-MM-DD "name"`.
  case holiday(CivilDate, name: String)
  /// `workday YYYY-MM-DD`.
  case workday(CivilDate)
  /// `window <channel|any> HH:MM-HH:MM [days]`: the channel (`nil` for `any`), the hours as
  /// written, the days.
  case window(channel: String?, hours: String, days: WeekdaySet)
  /// `cap fee R%` or `cap interest R% per PERIOD`.
  case cap(ChargeCap)
}

/// `window <channel|any> HH:MM-HH:MM [mon-fri | days LIST]` in the Swift builder: the hours a
/// channel may contact a customer, on the customer's wall clock.
///
/// ```swift
/// Window(.call, "09:00-18:00", days: .mondayToFriday)
/// Window(.any, "08:00-21:00")
/// ```
///
/// The hours are checked with the rest of the cadence: `Cadence.init` throws for `25:00`, for
/// hours whose end is not after their start, and for a channel no step of the cadence uses.
public struct Window: Sendable, Hashable {
  let channel: String?
  let hours: String
  let days: WeekdaySet
  /// A window on `channel` (or `.any`), open `hours` (`"08:00-21:00"`) on `days`.
  public init(_ channel: LimitChannel, _ hours: String, days: WeekdaySet = .everyDay) {
    self.channel = channel.name
    self.hours = hours
    self.days = days
  }
}

/// `workday YYYY-MM-DD` in the Swift builder: a day the cadence's calendar opens even on a
/// weekend or a holiday, `Workday(try CivilDate(parsing: "2026-06-06"))`.
public struct Workday: Sendable, Hashable {
  let date: CivilDate
  /// A business day on `date`.
  public init(_ date: CivilDate) { self.date = date }
}

/// `pause when <condition>` in the Swift builder: `Pause(when: .disputed)`.
public struct Pause: Sendable, Hashable {
  let condition: Condition
  /// A pause while `condition` holds.
  public init(when condition: Condition) { self.condition = condition }
}

/// `stop when <condition>` in the Swift builder: `Stop(when: .balance < "5.00")`.
public struct Stop: Sendable, Hashable {
  let condition: Condition
  /// A stop while `condition` holds.
  public init(when condition: Condition) { self.condition = condition }
}

/// `limit <channel|any> N per M days` in the Swift builder: `Limit("call", 1, perDays: 7)`,
/// `Limit(.any, 2, perDays: 3)`.
public struct Limit: Sendable, Hashable {
  let limit: ContactLimit
  /// A cap of `count` contacts on `channel` in any `days` days.
  public init(_ channel: LimitChannel, _ count: Int, perDays days: Int) {
    limit = ContactLimit(channel: channel.name, count: count, days: days)
  }
}

/// The channel a ``Limit`` counts: a channel name, or `.any`.
public struct LimitChannel: Sendable, Hashable, ExpressibleByStringLiteral {
  let name: String?
  /// Every contact channel.
  public static let any = LimitChannel(name: nil)
  /// `email`.
  public static let email = LimitChannel(name: "email")
  /// `sms`.
  public static let sms = LimitChannel(name: "sms")
  /// `whatsapp`.
  public static let whatsapp = LimitChannel(name: "whatsapp")
  /// `call`.
  public static let call = LimitChannel(name: "call")
  /// `letter`.
  public static let letter = LimitChannel(name: "letter")
  /// A channel by name (a `notify` channel): `"slack"`.
  public init(stringLiteral name: String) { self.name = name }
  private init(name: String?) { self.name = name }
}

/// Collects the steps and policies of a cadence written in Swift.
@resultBuilder
public enum CadenceBuilder {
  /// A step.
  public static func buildExpression(_ step: Step) -> [CadenceComponent] { [.step(step)] }
  /// A pause policy.
  public static func buildExpression(_ pause: Pause) -> [CadenceComponent] { [.pause(pause.condition)] }
  /// A stop policy.
  public static func buildExpression(_ stop: Stop) -> [CadenceComponent] { [.stop(stop.condition)] }
  /// A contact limit.
  public static func buildExpression(_ limit: Limit) -> [CadenceComponent] { [.limit(limit.limit)] }
  /// A holiday of the cadence's calendar, `holiday YYYY-MM-DD "name"`:
  /// `Holiday(date: try CivilDate(parsing: "2026-11-20"), name: "Consciência Negra")`.
  public static func buildExpression(_ holiday: Holiday) -> [CadenceComponent] {
    [.holiday(holiday.date, name: holiday.name)]
  }
  /// A workday of the cadence's calendar.
  public static func buildExpression(_ workday: Workday) -> [CadenceComponent] { [.workday(workday.date)] }
  /// A charge cap, `cap fee 2%`: `ChargeCap(fee: try Rate(parsing: "2%"))`.
  public static func buildExpression(_ cap: ChargeCap) -> [CadenceComponent] { [.cap(cap)] }
  /// A send window, `window call 09:00-18:00 mon-fri`.
  public static func buildExpression(_ window: Window) -> [CadenceComponent] {
    [.window(channel: window.channel, hours: window.hours, days: window.days)]
  }
  /// Components in order.
  public static func buildBlock(_ parts: [CadenceComponent]...) -> [CadenceComponent] { parts.flatMap { $0 } }
  /// An `if` without `else`.
  public static func buildOptional(_ part: [CadenceComponent]?) -> [CadenceComponent] { part ?? [] }
  /// The first branch of an `if`/`else`.
  public static func buildEither(first part: [CadenceComponent]) -> [CadenceComponent] { part }
  /// The second branch of an `if`/`else`.
  public static func buildEither(second part: [CadenceComponent]) -> [CadenceComponent] { part }
  /// A `for` loop.
  public static func buildArray(_ parts: [[CadenceComponent]]) -> [CadenceComponent] { parts.flatMap { $0 } }
}

/// A cadence built in Swift that breaks a rule a rule file would also break.
public struct CadenceDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Each problem, as `message` and an optional `help`.
  public var problems: [(message: String, help: String?)] {
    storage.map { ($0.message, $0.help) }
  }
  let storage: [CadenceValidation.Problem]
  let cadence: String

  /// Every problem, one per line, with its help.
  public var description: String {
    storage.map { problem in
      "cadence `\(SafeText.excerpt(cadence))`: error: \(problem.message)"
        + (problem.help.map { "\n  help: \($0)" } ?? "")
    }.joined(separator: "\n")
  }

  /// Problems are compared by their text.
  public static func == (lhs: CadenceDefinitionError, rhs: CadenceDefinitionError) -> Bool {
    lhs.description == rhs.description
  }

  /// Hashes the text.
  public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

extension Cadence {
  /// Builds and checks a cadence in Swift; equal to the same cadence compiled from a rule file.
  ///
  /// ```swift
  /// let cadence = try Cadence("b2b-standard", version: 3, catchUp: 3) {
  ///   Step(.due(-3), .email("reminder"))
  ///   Step(.due(14), .call).when(.balance >= "500.00")
  ///   Step(.due(120), .writeOff)
  ///   Pause(when: .disputed)
  ///   Limit(.call, 1, perDays: 7)
  /// }
  /// ```
  /// - Throws: ``CadenceDefinitionError`` listing every problem: duplicate step ids (with the
  ///   fix), offsets out of range, invalid ids, unknown limit channels, unreadable amounts.
  public init(
    _ name: String, version: Int? = nil, timeZone: String? = nil, calendar: String? = nil,
    catchUp catchUpDays: Int = Cadence.defaultCatchUpDays, @CadenceBuilder _ content: () -> [CadenceComponent]
  ) throws(CadenceDefinitionError) {
    var declaration = CadenceDeclaration<BuilderPlace>(name: name, namePlace: .cadence, wholePlace: .cadence)
    declaration.version = version.map { .init(value: $0, place: .cadence) }
    declaration.timeZone = timeZone.map { ($0, .cadence) }
    declaration.calendar = calendar.map { ($0, .cadence) }
    declaration.catchUpDays = .init(value: catchUpDays, place: .cadence)
    // Each problem with its component's position, so that they are listed in declaration order.
    var problems: [(order: Int, problem: CadenceValidation.Problem)] = []
    for (order, component) in content().enumerated() {
      switch component {
      case .step(let step):
        let place = BuilderPlace.step(step.id, explicit: step.hasExplicitID, order: order)
        let conditionProblems = [step.when, step.unless].compactMap { $0?.problem }
        for problem in conditionProblems {
          problems.append((order, place.locate(.init(code: .badAmount, message: problem, help: nil))))
        }
        declaration.append(
          step,
          .init(
            hasExplicitID: step.hasExplicitID, offset: place, action: place, id: place,
            conditionsFailed: !conditionProblems.isEmpty))
      case .stop(let condition), .pause(let condition):
        if let problem = condition.problem {
          problems.append((order, .init(code: .badAmount, message: problem, help: nil)))
        } else if case .stop = component {
          declaration.stopConditions.append(condition)
        } else {
          declaration.pauseConditions.append(condition)
        }
      case .holiday(let date, let name):
        declaration.holidays.append((date, name, .day(date, order: order)))
      case .workday(let date):
        declaration.workdays.append((date, .day(date, order: order)))
      case .window(let channel, let hours, let days):
        let place = BuilderPlace.window(channel: channel ?? "any", hours: hours, order: order)
        let parts = hours.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        do throws(LocalTimeError) {
          guard parts.count == 2 else { throw .notATime(hours, suggestion: nil) }
          declaration.windows.append(
            .init(
              channel: channel, from: try LocalTime(parsing: parts[0]), to: try LocalTime(parsing: parts[1]),
              days: days, channelPlace: place, hoursPlace: place))
        } catch {
          problems.append(
            (order, place.locate(.init(code: .badTime, message: error.description, help: "write `\"08:00-21:00\"`"))))
        }
      case .cap(let cap):
        guard !declaration.caps.contains(where: { $0.cap.kind == cap.kind }) else {
          problems.append(
            (
              order,
              .init(code: .duplicateSetting, message: "`cap \(cap.kind.rawValue)` is set twice", help: "keep one")
            ))
          continue
        }
        declaration.caps.append((cap, .cadence))
      case .limit(let limit):
        let place = BuilderPlace.limit(limit, order: order)
        declaration.limits.append(
          .init(
            channel: limit.channel, count: .init(value: limit.count, place: place),
            days: .init(value: limit.days, place: place), channelPlace: place))
      }
    }
    var budget = Bounds.suggestionWork
    let cadence = declaration.check(budget: &budget) { problem, place, first in
      // A repeated id names itself; its fix is written in Swift.
      guard first != nil, case .step(let id, let explicit, _) = place else {
        return problems.append((place.order, place.locate(problem)))
      }
      var repeated = problem
      if !explicit { repeated.help = "give one of them its own id with `.as(\"\(id)-2\")`" }
      problems.append((place.order, repeated))
    }
    guard let cadence, problems.isEmpty else {
      // A stable sort: the problems of one component stay in the order they were found.
      let ordered = problems.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
      throw CadenceDefinitionError(storage: ordered.map(\.element.problem), cadence: name)
    }
    self = cadence
  }
}

/// Where a problem of a cadence built in Swift is: the cadence itself, a step, or a limit.
enum BuilderPlace {
  case cadence
  case step(String, explicit: Bool, order: Int)
  case limit(ContactLimit, order: Int)
  case day(CivilDate, order: Int)
  case window(channel: String, hours: String, order: Int)

  /// The component's position in the builder's content; the cadence's own settings come first.
  var order: Int {
    switch self {
    case .cadence: return -1
    case .step(_, _, let order), .limit(_, let order), .day(_, let order), .window(_, _, let order): return order
    }
  }

  /// The problem, its message prefixed with the component it is about (`step \`d+14-call\`: …`).
  func locate(_ problem: CadenceValidation.Problem) -> CadenceValidation.Problem {
    var located = problem
    switch self {
    case .cadence: return problem
    case .step(let id, _, _): located.message = "step `\(SafeText.excerpt(id))`: " + problem.message
    case .limit(let limit, _): located.message = "`\(limit)`: " + problem.message
    case .day(let date, _): located.message = "\(date): " + problem.message
    case .window(let channel, let hours, _):
      located.message = "`window \(SafeText.excerpt(channel)) \(SafeText.excerpt(hours))`: " + problem.message
    }
    return located
  }
}
