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
    self.init(name: name, version: version, timeZone: timeZone, calendar: calendar, catchUpDays: catchUpDays)
    var problems: [CadenceValidation.Problem] = []
    if name.isEmpty {
      problems.append(.init(code: .missingName, message: "the cadence's name is empty", help: "give it a name"))
    }
    if let problem = CadenceValidation.check(name: name, "the cadence's name") { problems.append(problem) }
    if let timeZone, let problem = CadenceValidation.check(timeZone: timeZone) { problems.append(problem) }
    if let calendar, let problem = CadenceValidation.check(name: calendar, "the calendar") { problems.append(problem) }
    if !Bounds.catchUpDays.contains(catchUpDays) {
      problems.append(
        .init(code: .outOfRange, message: "catch-up of \(catchUpDays) days is out of range", help: "use 0 to 3650"))
    }
    var ids: Set<String> = []
    var limits: [ContactLimit] = []
    for component in content() {
      switch component {
      case .step(let step):
        let located = { (problem: CadenceValidation.Problem) in
          CadenceValidation.Problem(
            code: problem.code, message: "step `\(SafeText.excerpt(step.id))`: " + problem.message, help: problem.help)
        }
        var stepProblems = [CadenceValidation.check(step.offset), CadenceValidation.check(step.action)].compactMap {
          $0
        }
        if let problem = CadenceValidation.check(explicitID: step.id) { stepProblems.append(problem) }
        for condition in [step.when, step.unless].compactMap({ $0 }) {
          if let problem = condition.problem {
            stepProblems.append(.init(code: .badAmount, message: problem, help: nil))
          }
        }
        if !stepProblems.isEmpty {
          problems += stepProblems.map(located)
          continue
        }
        guard ids.insert(step.id).inserted else {
          let problem = CadenceValidation.duplicateID(step.id, explicit: step.hasExplicitID)
          let help = step.hasExplicitID ? problem.help : "give one of them its own id with `.as(\"\(step.id)-2\")`"
          problems.append(.init(code: problem.code, message: problem.message, help: help))
          continue
        }
        steps.append(step)
      case .stop(let condition), .pause(let condition):
        if let problem = condition.problem {
          problems.append(.init(code: .badAmount, message: problem, help: nil))
        } else if case .stop = component {
          stopConditions.append(condition)
        } else {
          pauseConditions.append(condition)
        }
      case .limit(let limit):
        limits.append(limit)
      }
    }
    for limit in limits {
      if let problem = CadenceValidation.check(limitChannel: limit.channel, steps: steps) {
        problems.append(problem)
      } else if !Bounds.limitCount.contains(limit.count)
        || !Bounds.limitDays.contains(limit.days)
      {
        problems.append(
          .init(
            code: .outOfRange, message: "`\(limit)` is out of range",
            help: "allow 1 to 1000 contacts per 1 to 3650 days"))
      } else {
        self.limits.append(limit)
      }
    }
    for (count, limit, excess) in [
      (steps.count, Bounds.stepsPerCadence, Bounds.tooManySteps),
      (self.limits.count, Bounds.limitsPerCadence, Bounds.tooManyLimits),
    ] where count > limit {
      problems.append(.init(code: excess.code, message: excess.message, help: excess.help))
    }
    guard problems.isEmpty else { throw CadenceDefinitionError(storage: problems, cadence: name) }
  }
}
