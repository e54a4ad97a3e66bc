import Foundation

/// A cadence of many steps, written both as a rule file and as JSON, for timing the rule
/// compiler against `JSONDecoder` on the same content.
struct GeneratedCadence {
  /// The cadence as JSON, decoded into plain `Codable` structs.
  struct PlainCadence: Codable {
    struct Step: Codable {
      var offset: String
      var action: String
      var args: [String]
      var when: String?
      var unless: String?
    }

    struct Limit: Codable {
      var channel: String
      var count: Int
      var days: Int
    }

    var name: String
    var version: Int
    var catchUp: Int
    var steps: [Step]
    var pauses: [String]
    var limits: [Limit]
  }

  let stepCount: Int
  let ruleText: String
  let json: Data

  /// `stepCount` steps alternating between the due and issue anchors (so every default step id
  /// is unique; issue offsets are never negative), cycling through contact and non-contact actions, a third of them with a condition.
  init(steps stepCount: Int) throws {
    self.stepCount = stepCount
    var plain = PlainCadence(
      name: "generated-\(stepCount)", version: 1, catchUp: 3, steps: [], pauses: ["disputed", "promised"],
      limits: [PlainCadence.Limit(channel: "call", count: 1, days: 7)])
    for index in 0..<stepCount {
      let anchor = index % 2 == 0 ? "D" : "I"
      let days = anchor == "D" ? index / 2 - stepCount / 8 : index / 2
      let offset = days == 0 ? "\(anchor)0" : "\(anchor)\(days > 0 ? "+" : "")\(days)"
      let (action, args): (String, [String])
      switch index % 6 {
      case 0: (action, args) = ("email", ["reminder-\(index)"])
      case 1: (action, args) = ("sms", ["sms-\(index)"])
      case 2: (action, args) = ("call", [])
      case 3: (action, args) = ("letter", ["registered", "notice-\(index)"])
      case 4: (action, args) = ("task", ["collections", "review \(index)"])
      default: (action, args) = ("suspend", ["service"])
      }
      var step = PlainCadence.Step(offset: offset, action: action, args: args)
      switch index % 9 {
      case 0: step.when = "balance >= 500.00"
      case 3: step.unless = "tagged \"key-account\""
      case 6: step.when = "days-overdue > \(index % 60) and customer.segment == \"smb\""
      default: break
      }
      plain.steps.append(step)
    }
    var text = "# Generated for regua-bench: \(stepCount) steps.\n"
    text += "cadence \"\(plain.name)\" version \(plain.version)\n  catch up \(plain.catchUp) days\n\n"
    for step in plain.steps {
      var line = "  \(step.offset.padding(toLength: 7, withPad: " ", startingAt: 0)) \(step.action)"
      for argument in step.args { line += argument.contains(" ") ? " \"\(argument)\"" : " \(argument)" }
      if let when = step.when { line += "  when \(when)" }
      if let unless = step.unless { line += "  unless \(unless)" }
      text += line + "\n"
    }
    text += "\n"
    for pause in plain.pauses { text += "  pause when \(pause)\n" }
    for limit in plain.limits { text += "  limit \(limit.channel) \(limit.count) per \(limit.days) days\n" }
    ruleText = text
    json = try JSONEncoder().encode(plain)
  }
}
