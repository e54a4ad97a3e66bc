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
    output.append(#"{"actions":"#)
    write(plan.actions, to: &output)
    output.append(#","balance":"#)
    write(plan.balance, to: &output)
    output.append(#","cadence":"#)
    output.append(string: plan.cadence)
    output.append(#","date":"#)
    output.append(date: plan.date)
    output.append(#","invoice":"#)
    output.append(string: plan.invoice)
    output.append(#","next":"#)
    output.append(date: plan.next)
    output.append(#","skipped":"#)
    write(plan.skipped, to: &output)
    output.append(#","version":"#)
    output.append(int: plan.version)
    output.append("}")
  }

  /// Appends a plan's actions, as an array.
  static func write(_ actions: [PlannedAction], to output: inout JSONBuffer) {
    writeArray(actions, to: &output) { action, output in write(action, to: &output) }
  }

  /// Appends a plan's skipped steps, as an array.
  static func write(_ skipped: [SkippedStep], to output: inout JSONBuffer) {
    writeArray(skipped, to: &output) { skip, output in write(skip, to: &output) }
  }

  /// Appends `[element, …]`.
  private static func writeArray<Element>(
    _ elements: [Element], to output: inout JSONBuffer, _ element: (Element, inout JSONBuffer) -> Void
  ) {
    output.append("[")
    for (index, value) in elements.enumerated() {
      if index > 0 { output.append(",") }
      element(value, &output)
    }
    output.append("]")
  }

  /// Appends amounts owed: `{"discount":…,"fees":…,"interest":…,"principal":…,"total":…}`.
  static func write(_ owed: AmountsOwed, to output: inout JSONBuffer) {
    output.append(#"{"discount":"#)
    output.append(money: owed.discount)
    output.append(#","fees":"#)
    output.append(money: owed.fees)
    output.append(#","interest":"#)
    output.append(money: owed.interest)
    output.append(#","principal":"#)
    output.append(money: owed.principal)
    output.append(#","total":"#)
    output.append(money: owed.total)
    output.append("}")
  }

  /// Appends an account's plan: as an invoice's, with `"balances"` by invoice id, `"customer"`,
  /// and `"invoice": null`; its `"balance"` is the invoices' added up, `null` when they are in
  /// several currencies.
  static func write(_ plan: AccountPlan, to output: inout JSONBuffer) {
    output.append(#"{"actions":"#)
    write(plan.actions, to: &output)
    output.append(#","balance":"#)
    if let balance = plan.balance { write(balance, to: &output) } else { output.append("null") }
    output.append(#","balances":{"#)
    for (index, id) in plan.balances.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) })
      .enumerated()
    {
      if index > 0 { output.append(",") }
      output.append(string: id)
      output.append(":")
      if let owed = plan.balances[id] { write(owed, to: &output) }
    }
    output.append(#"},"cadence":"#)
    output.append(string: plan.cadence)
    output.append(#","customer":"#)
    output.append(string: plan.customer)
    output.append(#","date":"#)
    output.append(date: plan.date)
    output.append(#","invoice":null,"next":"#)
    output.append(date: plan.next)
    output.append(#","skipped":"#)
    write(plan.skipped, to: &output)
    output.append(#","version":"#)
    output.append(int: plan.version)
    output.append("}")
  }

  /// Appends an action: `{"action":…,"args":[…],"channel":…,"id":…,"late":…,"scheduled":…,"step":…}`, and for
  /// a contact `"window"`: `null`, or `{"from":…,"to":…}` in UTC. In an account's plan, a merged
  /// contact adds `"covers"`, `"invoices"` and `"priority"`, every other action `"invoice"` and
  /// `"priority"`.
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
    if !action.covers.isEmpty {
      output.append(#","covers":["#)
      for (index, cover) in action.covers.enumerated() {
        if index > 0 { output.append(",") }
        output.append(#"{"invoice":"#)
        output.append(string: cover.invoice)
        output.append(#","step":"#)
        output.append(string: cover.step)
        output.append("}")
      }
      output.append("]")
    }
    output.append(#","id":"#)
    output.append(string: action.id)
    if let invoice = action.invoice {
      output.append(#","invoice":"#)
      output.append(string: invoice)
    }
    if !action.invoices.isEmpty {
      output.append(#","invoices":["#)
      for (index, invoice) in action.invoices.enumerated() {
        if index > 0 { output.append(",") }
        output.append(string: invoice)
      }
      output.append("]")
    }
    output.append(#","late":"#)
    output.append(int: action.late)
    if let priority = action.priority {
      output.append(#","priority":"#)
      output.append(int: priority)
    }
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
    if let invoice = skip.invoice {
      output.append(#","invoice":"#)
      output.append(string: invoice)
    }
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
