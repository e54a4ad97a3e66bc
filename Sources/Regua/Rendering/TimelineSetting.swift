/// One of a cadence's settings, as a timeline's legend lists it: `Pauses: when disputed`.
public struct TimelineSetting: Sendable, Hashable {
  /// What the setting is (`Catch up`, `Pauses`, `Limits`…).
  public var name: String
  /// Its values, one per declaration (`pause when disputed`, `pause when promised`).
  public var values: [String]

  /// Creates a setting.
  public init(name: String, values: [String]) {
    self.name = name
    self.values = values
  }

  /// The settings of a cadence, in the order a legend lists them.
  static func settings(of cadence: Cadence, assumedTermDays: Int?) -> [TimelineSetting] {
    var settings: [TimelineSetting] = []
    if let version = cadence.version { settings.append(TimelineSetting(name: "Version", values: [String(version)])) }
    if let zone = cadence.timeZone { settings.append(TimelineSetting(name: "Time zone", values: [zone])) }
    if let calendar = cadence.calendar {
      // `none` moves nothing, so the legend promises no move.
      let what = calendar == "none" ? "every day is a business day" : "steps on a non-business day move to the next one"
      settings.append(TimelineSetting(name: "Calendar", values: [calendar + " (\(what))"]))
    }
    let days = cadence.catchUpDays
    settings.append(
      TimelineSetting(
        name: "Catch up",
        values: ["a missed contact may still go out up to \(days) day\(days == 1 ? "" : "s") late"]))
    settings.append(
      TimelineSetting(
        name: "Stops",
        values: ["when paid, cancelled or written off"] + cadence.stopConditions.map { "stop when \($0)" }))
    if !cadence.pauseConditions.isEmpty {
      settings.append(TimelineSetting(name: "Pauses", values: cadence.pauseConditions.map { "pause when \($0)" }))
    }
    if !cadence.limits.isEmpty {
      settings.append(TimelineSetting(name: "Limits", values: cadence.limits.map(\.description)))
    }
    if let assumedTermDays, cadence.steps.contains(where: { $0.offset.anchor == .issue }) {
      settings.append(
        TimelineSetting(
          name: "I+N steps",
          values: [
            "drawn for an invoice issued \(Plural.count(assumedTermDays, "day")) before its due date "
              + "(I0 = D-\(assumedTermDays))"
          ]
        ))
    }
    return settings
  }
}
