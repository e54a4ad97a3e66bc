extension Step {
  /// A step for the Swift builder: `Step(.due(14), .call)`.
  ///
  /// Add options with ``when(_:)``, ``unless(_:)`` and ``as(_:)``:
  /// `Step(.due(14), .call).when(.balance >= 500)`.
  public init(_ offset: Offset, _ action: Action) {
    self.init(offset: offset, action: action)
  }

  /// The step, firing only when `condition` holds (`when` in a rule file).
  public func when(_ condition: Condition) -> Step {
    var copy = self
    copy.when = condition
    return copy
  }

  /// The step, not firing when `condition` holds (`unless` in a rule file).
  public func unless(_ condition: Condition) -> Step {
    var copy = self
    copy.unless = condition
    return copy
  }

  /// The step kept on its own day when that is not a business day (`any day` in a rule file).
  public func onAnyDay() -> Step {
    var copy = self
    copy.anyDay = true
    return copy
  }

  /// The contact, sent on the first of `channels` the customer accepts when they opted out of
  /// its own (`fallback whatsapp, email` in a rule file).
  public func fallback(_ channels: Channel...) -> Step {
    var copy = self
    copy.fallbacks = channels
    return copy
  }

  /// The step with an explicit id (`as` in a rule file).
  public func `as`(_ id: String) -> Step {
    var copy = self
    copy.id = id
    return copy
  }
}
