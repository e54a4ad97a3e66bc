extension ActionPlan {
  /// The plan in the pinned JSON shape, as `regua plan --json` prints it.
  public var json: JSONValue {
    .object([
      "actions": .array(actions.map(\.json)),
      "cadence": .string(cadence),
      "date": .string(date.description),
      "invoice": .string(invoice),
      "next": .string(next?.description),
      "skipped": .array(skipped.map(\.json)),
      "version": version.map(JSONValue.int) ?? .null,
    ])
  }

  /// The plan as one line of JSON, keys sorted: ``json`` serialized, written directly.
  public var jsonLine: String { PlanWriter.line(self) }
}

extension PlannedAction {
  /// The action in the pinned JSON shape.
  public var json: JSONValue {
    .object([
      "action": .string(action.rawValue),
      "args": .array(arguments.map(JSONValue.string)),
      "channel": .string(channel?.name),
      "id": .string(id),
      "late": .int(late),
      "scheduled": .string(scheduled.description),
      "step": .string(step),
    ])
  }
}

extension SkippedStep {
  /// The skipped step in the pinned JSON shape.
  public var json: JSONValue {
    .object([
      "detail": .string(detail),
      "reason": .string(reason.rawValue),
      "retry": .string(retry?.description),
      "scheduled": .string(scheduled.description),
      "step": .string(step),
    ])
  }
}
