extension Schedule {
  /// How `step`'s scheduled date follows from its offset for this invoice; `nil` when the step
  /// has no date (a promise step, a date out of range).
  public func stepDate(of step: Step) -> StepDate? {
    let offset = step.offset
    let kind: StepDate.Base
    switch offset.anchor {
    case .issue: kind = .issueDate
    case .due: kind = offset.days < 0 ? .dueDate : .effectiveDueDate
    case .promise: return nil
    }
    let base = [.issueDate: issued, .dueDate: due][kind] ?? effectiveDue
    guard
      let named = Schedule.date(
        of: offset, shifted: false, issued: issued, due: due, effectiveDue: effectiveDue, calendar),
      let scheduled = date(of: step)
    else { return nil }
    let shifted = Schedule.date(
      of: offset, shifted: !step.anyDay, issued: issued, due: due, effectiveDue: effectiveDue, calendar)
    return StepDate(
      base: base, baseKind: kind, businessDays: offset.unit == .businessDays ? offset.days : nil, named: named,
      scheduled: scheduled, closed: nonBusinessDay(named), waitsForWindow: shifted != scheduled)
  }

  /// Why `date` is not a business day in the schedule's calendar: the holiday observed on it,
  /// else its weekend day; `nil` for a business day, and always without a calendar that moves
  /// dates.
  public func nonBusinessDay(_ date: CivilDate) -> NonBusinessDay? {
    guard let calendar, !calendar.isBusinessDay(date) else { return nil }
    if let holiday = calendar.holiday(on: date) { return .holiday(holiday.name) }
    return .weekend(date.weekday)
  }
}
