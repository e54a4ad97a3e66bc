import Foundation

extension ActionPlan {
  /// The plan as one line of JSON in the pinned shape, keys sorted, as `regua plan --json` prints
  /// it (no newline).
  ///
  /// ```swift
  /// let plan = evaluator.plan(for: invoice, on: today)
  /// print(plan.jsonLine)  // {"actions":[…],"cadence":"b2b-standard","date":"2026-03-24",…}
  /// ```
  public var jsonLine: String { PlanWriter.line(self) }

  /// The plan's JSON: ``jsonLine`` as UTF-8 bytes, written straight into them.
  public func jsonData() -> Data { Data(PlanWriter.bytes(self)) }

  /// The plan's JSON as a value, to place inside a larger document (an explanation's `plan`):
  /// ``jsonLine`` read back, so that its ``JSONValue/serialized`` form is those exact bytes.
  public var json: JSONValue { JSONValue(written: PlanWriter.bytes(self)) }
}

extension PlannedAction {
  /// The action in the pinned JSON shape: one element of a plan's `actions`, as the plan
  /// writes it.
  public var json: JSONValue {
    var output = JSONBuffer(capacity: 160)
    PlanWriter.write(self, to: &output)
    return JSONValue(written: output.bytes)
  }
}

extension SkippedStep {
  /// The skipped step in the pinned JSON shape: one element of a plan's `skipped`, as the plan
  /// writes it.
  public var json: JSONValue {
    var output = JSONBuffer(capacity: 240)
    PlanWriter.write(self, to: &output)
    return JSONValue(written: output.bytes)
  }
}

extension JSONValue {
  /// The value of JSON text this library's writers wrote, which is always valid.
  init(written bytes: [UInt8]) {
    do {
      self = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) in
        try JSONValue(reading: buffer)
      }
    } catch {
      preconditionFailure("a writer wrote invalid JSON: \(error.message), at byte \(error.offset)")
    }
  }
}

extension AccountPlan {
  /// The plan as one line of JSON, keys sorted, as `regua plan --json` prints an account's plan
  /// (no newline): an invoice's plan's shape, with `"customer"`, `"balances"` and `"invoice": null`.
  public var jsonLine: String {
    var output = JSONBuffer(capacity: 200 + 260 * actions.count + 260 * skipped.count)
    PlanWriter.write(self, to: &output)
    return output.text
  }

  /// The plan's JSON: ``jsonLine`` as UTF-8 bytes.
  public func jsonData() -> Data {
    var output = JSONBuffer(capacity: 200 + 260 * actions.count + 260 * skipped.count)
    PlanWriter.write(self, to: &output)
    return Data(output.bytes)
  }
}
