/// The one writer of a plan's JSON: every way a plan leaves as JSON — ``ActionPlan/jsonLine``,
/// ``ActionPlan/jsonData()``, ``ActionPlan/json`` (an explanation's `plan`), a portfolio's
/// stream — goes through it, so a field added here is added everywhere.
///
/// It writes the pinned shape straight into bytes (``JSONBuffer``), keys in the order the spec
/// pins (sorted by their bytes), without building a tree of values to sort first. A test checks
/// that the order is the sorted one: the tree ``ActionPlan/json`` reads back from these bytes
/// serializes with its keys sorted, and must give the same bytes.
enum PlanWriter {
  /// The plan's JSON, with `suffix` after it (a stream's `\n`).
  static func bytes(_ plan: ActionPlan, suffix: StaticString = "") -> [UInt8] {
    var output = JSONBuffer(capacity: 160 + 224 * plan.actions.count + 240 * plan.skipped.count)
    write(plan, to: &output)
    output.append(suffix)
    return output.bytes
  }

  /// The plan's JSON as a string.
  static func line(_ plan: ActionPlan) -> String {
    var output = JSONBuffer(capacity: 160 + 224 * plan.actions.count + 240 * plan.skipped.count)
    write(plan, to: &output)
    return output.text
  }

  /// Appends the plan: `{"actions":[…],"balance":{…},"cadence":…,"date":…,"invoice":…,"next":…,"skipped":[…],
  /// "version":…}`.
  static func write(_ plan: ActionPlan, to output: inout JSONBuffer) {
    output.append(#"{"actions":["#)
    for (index, action) in plan.actions.enumerated() {
      if index > 0 { output.append(",") }
      write(action, to: &output)
    }
    output.append(#"],"balance":{"discount":"#)
    output.append(money: plan.balance.discount)
    output.append(#","fees":"#)
    output.append(money: plan.balance.fees)
    output.append(#","interest":"#)
    output.append(money: plan.balance.interest)
    output.append(#","principal":"#)
    output.append(money: plan.balance.principal)
    output.append(#","total":"#)
    output.append(money: plan.balance.total)
    output.append(#"},"cadence":"#)
    output.append(string: plan.cadence)
    output.append(#","date":"#)
    output.append(date: plan.date)
    output.append(#","invoice":"#)
    output.append(string: plan.invoice)
    output.append(#","next":"#)
    output.append(date: plan.next)
    output.append(#","skipped":["#)
    for (index, skip) in plan.skipped.enumerated() {
      if index > 0 { output.append(",") }
      write(skip, to: &output)
    }
    output.append(#"],"version":"#)
    output.append(int: plan.version)
    output.append("}")
  }

  /// Appends an action: `{"action":…,"args":[…],"channel":…,"id":…,"late":…,"scheduled":…,"step":…}`, and for
  /// a contact `"window"`: `null`, or `{"from":…,"to":…}` in UTC.
  static func write(_ action: PlannedAction, to output: inout JSONBuffer) {
    output.append(#"{"action":""#)
    output.appendPlain(action.action.rawValue)
    output.append(#"","args":["#)
    for (index, argument) in action.arguments.enumerated() {
      if index > 0 { output.append(",") }
      output.append(string: argument)
    }
    output.append(#"],"channel":"#)
    output.append(string: action.channel?.name)
    output.append(#","id":"#)
    output.append(string: action.id)
    output.append(#","late":"#)
    output.append(int: action.late)
    output.append(#","scheduled":"#)
    output.append(date: action.scheduled)
    output.append(#","step":"#)
    output.append(string: action.step)
    if action.channel != nil {
      // Every contact action says when it may go out: `null` when no window restricts it.
      if let window = action.window {
        output.append(#","window":{"from":"#)
        output.append(instant: window.lowerBound)
        output.append(#","to":"#)
        output.append(instant: window.upperBound)
        output.append("}")
      } else {
        output.append(#","window":null"#)
      }
    }
    output.append("}")
  }

  /// Appends a skipped step: `{"detail":…,"reason":…,"retry":…,"scheduled":…,"step":…}`.
  static func write(_ skip: SkippedStep, to output: inout JSONBuffer) {
    output.append(#"{"detail":"#)
    output.append(string: skip.detail)
    output.append(#","reason":""#)
    output.appendPlain(skip.reason.rawValue)
    output.append(#"","retry":"#)
    output.append(date: skip.retry)
    output.append(#","scheduled":"#)
    output.append(date: skip.scheduled)
    output.append(#","step":"#)
    output.append(string: skip.step)
    output.append("}")
  }
}
