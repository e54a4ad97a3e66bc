/// The one checker of a cadence's rules, for rule files and the Swift builder alike.
extension CadenceDeclaration {
  /// Checks every rule of a cadence, reporting each problem with the place it is about (and, for
  /// a repeated step id, the place of the first); returns the cadence when there is none.
  ///
  /// - Parameters:
  ///   - budget: What "did you mean" may still spend, shared by a file's cadences.
  ///   - report: Called once per problem, in declaration order.
  func check(
    budget: inout Int, report: (_ problem: CadenceValidation.Problem, _ place: Place, _ first: Place?) -> Void
  ) -> Cadence? {
    var valid = true
    func fail(_ problem: CadenceValidation.Problem?, at place: Place, first: Place? = nil) {
      guard let problem else { return }
      valid = false
      report(problem, place, first)
    }
    func fail(_ excess: Bounds.Excess?, at place: Place) {
      fail(excess.map { CadenceValidation.Problem(code: $0.code, message: $0.message, help: $0.help) }, at: place)
    }

    if !headerIsBroken, name.isEmpty {
      fail(
        CadenceValidation.Problem(
          code: .missingName, message: "the cadence's name is empty", help: "give it a name such as `\"b2b-standard\"`"),
        at: namePlace)
    }
    if !headerIsBroken { fail(CadenceValidation.check(name: name, "the cadence's name"), at: namePlace) }
    if let version { fail(Bounds.checkNumber(version.value, in: Bounds.versions), at: version.place) }
    if let timeZone { fail(CadenceValidation.check(timeZone: timeZone.name, budget: &budget), at: timeZone.place) }
    if let calendar {
      fail(
        CadenceValidation.check(name: calendar.name, "the calendar")
          ?? knownCalendars.flatMap { CadenceValidation.check(calendar: calendar.name, known: $0, budget: &budget) },
        at: calendar.place)
    }
    var days: [CivilDate: Place] = [:]
    for (date, _, place) in holidays {
      fail(CadenceValidation.checkCalendarDay("holiday", calendar: calendar?.name), at: place)
      if let first = days[date] {
        fail(CadenceValidation.repeatedDay(date), at: place, first: first)
      }
      days[date] = days[date] ?? place
    }
    for (date, place) in workdays {
      fail(CadenceValidation.checkCalendarDay("workday", calendar: calendar?.name), at: place)
      if let first = days[date] {
        fail(CadenceValidation.repeatedDay(date), at: place, first: first)
      }
      days[date] = days[date] ?? place
    }
    if let catchUpDays { fail(Bounds.checkNumber(catchUpDays.value, in: Bounds.catchUpDays), at: catchUpDays.place) }

    var cadence = Cadence(
      name: name, version: version?.value, timeZone: timeZone?.name, calendar: calendar?.name,
      catchUpDays: catchUpDays?.value ?? Cadence.defaultCatchUpDays, stopConditions: stopConditions,
      pauseConditions: pauseConditions)
    cadence.holidays = Dictionary(holidays.map { ($0.date, $0.name) }) { first, _ in first }
    cadence.workdays = Set(workdays.map(\.date))
    var firstPlaces: [String: Place] = [:]
    firstPlaces.reserveCapacity(steps.count)
    for declared in steps {
      // Three checks, no array: this runs for every step of every file.
      let offsetProblem = CadenceValidation.check(declared.step.offset)
      let actionProblem = CadenceValidation.check(declared.step.action)
      let idProblem = declared.hasExplicitID ? CadenceValidation.check(explicitID: declared.step.id) : nil
      guard offsetProblem == nil, actionProblem == nil, idProblem == nil, !declared.conditionsFailed else {
        fail(offsetProblem, at: declared.offset)
        fail(actionProblem, at: declared.action)
        fail(idProblem, at: declared.id)
        valid = false
        continue
      }
      if let first = firstPlaces[declared.step.id] {
        fail(
          CadenceValidation.duplicateID(declared.step.id, explicit: declared.hasExplicitID), at: declared.id,
          first: first)
        continue
      }
      firstPlaces[declared.step.id] = declared.id
      cadence.steps.append(declared.step)
    }

    // The channels a limit may name, gathered once: checking each limit against every step
    // would cost limits × steps.
    var channels: CadenceValidation.LimitChannels?
    for limit in limits {
      if let channel = limit.channel {
        var known = channels.take() ?? CadenceValidation.LimitChannels(steps: cadence.steps)
        let problem = CadenceValidation.check(limitChannel: channel, channels: &known, budget: &budget)
        channels = known
        if problem != nil {
          fail(problem, at: limit.channelPlace)
          continue
        }
      }
      let count = Bounds.checkNumber(limit.count.value, in: Bounds.limitCount)
      let days = Bounds.checkNumber(limit.days.value, in: Bounds.limitDays)
      guard count == nil, days == nil else {
        fail(count, at: limit.count.place)
        fail(days, at: limit.days.place)
        continue
      }
      cadence.limits.append(ContactLimit(channel: limit.channel, count: limit.count.value, days: limit.days.value))
    }
    if cadence.steps.count > Bounds.stepsPerCadence { fail(Bounds.tooManySteps, at: wholePlace) }
    if cadence.limits.count > Bounds.limitsPerCadence { fail(Bounds.tooManyLimits, at: wholePlace) }
    return valid ? cadence : nil
  }
}
