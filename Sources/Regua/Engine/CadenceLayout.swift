/// A cadence's steps and limits laid out in arrays for fast evaluation, computed once per cadence.
struct CadenceLayout: Sendable {
  let stepCount: Int
  let stepIndex: [String: Int]
  let actions: [ActionKind]
  let channels: [String?]
  /// Per step: a small integer per distinct contact channel, -1 for non-contacts.
  let channelNumbers: [Int]
  let channelCount: Int
  let limits: [ContactLimit]
  /// Per step: the limits that count it.
  let stepLimits: [[Int]]
  /// Whole numbers compared with `days-overdue` anywhere in the cadence.
  let daysOverdueThresholds: [Int]

  init(_ cadence: Cadence) {
    stepCount = cadence.steps.count
    var stepIndex: [String: Int] = [:]
    for (index, step) in cadence.steps.enumerated() where stepIndex[step.id] == nil { stepIndex[step.id] = index }
    self.stepIndex = stepIndex
    actions = cadence.steps.map(\.action.kind)
    channels = cadence.steps.map(\.channel)
    var numbers: [String: Int] = [:]
    channelNumbers = channels.map { channel in
      guard let channel else { return -1 }
      if let number = numbers[channel] { return number }
      numbers[channel] = numbers.count
      return numbers.count - 1
    }
    channelCount = numbers.count
    limits = cadence.limits
    stepLimits = channels.map { channel in
      guard let channel else { return [] }
      return cadence.limits.indices.filter { cadence.limits[$0].applies(to: channel) }
    }
    let conditions =
      cadence.stopConditions + cadence.pauseConditions
      + cadence.steps.flatMap { [$0.when, $0.unless].compactMap { $0 } }
    daysOverdueThresholds = Array(Set(conditions.flatMap(\.expression.daysOverdueThresholds))).sorted()
  }
}
