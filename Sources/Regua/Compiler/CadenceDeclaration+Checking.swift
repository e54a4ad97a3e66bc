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
    cadence.caps = caps.map(\.cap)
    cadence.groupsByInvoice = groupsByInvoice
    cadence.holidays = Dictionary(holidays.map { ($0.date, $0.name) }) { first, _ in first }
    cadence.workdays = Set(workdays.map(\.date))
    var firstPlaces: [String: Place] = [:]
    firstPlaces.reserveCapacity(steps.count)
    // The steps kept; `nil` while every step so far is, so that the common case shares the
    // declaration's array instead of copying each step.
    var kept: [Step]?
    // What the cadence's charge steps add up to, against its caps: percentage fees, and fixed
    // interest a day (steps that start on different days still all accrue in the end).
    var capped = ChargeCap.Tally()
    for index in steps.indices {
      let places = stepPlaces[index]
      let id = steps[index].id
      // Three checks, no array: this runs for every step of every file.
      let offsetProblem = CadenceValidation.check(steps[index].offset)
      let actionProblem = CadenceValidation.check(steps[index].action)
      let idProblem = places.hasExplicitID ? CadenceValidation.check(explicitID: id) : nil
      let fallbackProblem = CadenceValidation.check(fallbacks: steps[index].fallbacks, of: steps[index].action)
      var keep =
        offsetProblem == nil && actionProblem == nil && idProblem == nil && fallbackProblem == nil
        && !places.conditionsFailed
      var typed: Charge?
      if steps[index].action.kind.isCharge, let charge = checkCharge(of: steps[index], places, chargeWords[index] ?? [])
      {
        switch charge {
        case .charge(let charge):
          typed = charge
          if !caps.isEmpty, let (cap, message) = capped.adding(charge, caps.map(\.cap)) {
            fail(
              CadenceValidation.Problem(
                code: .aboveCap, message: message,
                help: "charge at most `\(cap.rate)`\(cap.period.map { " per \($0.rawValue)" } ?? "") in all, "
                  + "or change the cap if the law or the contract allows more"),
              at: chargeWords[index]?.first?.place ?? places.action)
            keep = false
          } else if !caps.isEmpty, let cap = caps.first(where: { !$0.cap.allows(charge) }) {
            fail(
              CadenceValidation.Problem(
                code: .aboveCap,
                message: "`\(steps[index].action.kind.keywords.joined(separator: " ")) "
                  + "\(steps[index].action.arguments.joined(separator: " "))` is above the cadence's `\(cap.cap)`",
                help: "charge at most `\(cap.cap.rate)`\(cap.cap.period.map { " per \($0.rawValue)" } ?? ""), "
                  + "or change the cap if the law or the contract allows more"),
              at: chargeWords[index]?.first?.place ?? places.action)
            keep = false
          }
        case .problem(let problem, let place):
          fail(problem, at: place)
          keep = false
        }
      }
      if !keep {
        fail(offsetProblem, at: places.offset)
        fail(actionProblem, at: places.action)
        fail(idProblem, at: places.id)
        fail(fallbackProblem, at: places.fallbacks ?? places.action)
        valid = false
      } else if let first = firstPlaces[id] {
        fail(CadenceValidation.duplicateID(id, explicit: places.hasExplicitID), at: places.id, first: first)
        keep = false
      } else {
        firstPlaces[id] = places.id
      }
      if !keep || typed != nil, kept == nil { kept = Array(steps[..<index]) }
      if keep, kept != nil {
        kept?.append(steps[index])
        if let typed, let last = kept?.indices.last { kept?[last].charge = typed }
      }
    }
    cadence.steps = kept ?? steps

    // The channels a limit may name, gathered once: checking each limit against every step
    // would cost limits × steps.
    var channels: CadenceValidation.LimitChannels?
    // Whether a `limit` or `after conversation wait` line may name `channel` (`nil`: `any`);
    // reported at `place` when not.
    func knows(_ channel: String?, at place: Place) -> Bool {
      guard let channel else { return true }
      var known = channels.take() ?? CadenceValidation.LimitChannels(steps: cadence.steps)
      let problem = CadenceValidation.check(limitChannel: channel, channels: &known, budget: &budget)
      channels = known
      fail(problem, at: place)
      return problem == nil
    }
    for limit in limits {
      guard knows(limit.channel, at: limit.channelPlace) else { continue }
      let count = Bounds.checkNumber(limit.count.value, in: Bounds.limitCount)
      let days = Bounds.checkNumber(limit.days.value, in: Bounds.limitDays)
      guard count == nil, days == nil else {
        fail(count, at: limit.count.place)
        fail(days, at: limit.days.place)
        continue
      }
      cadence.limits.append(ContactLimit(channel: limit.channel, count: limit.count.value, days: limit.days.value))
    }
    for wait in waits {
      guard knows(wait.channel, at: wait.channelPlace) else { continue }
      if let problem = Bounds.checkNumber(wait.days.value, in: Bounds.limitDays) {
        fail(problem, at: wait.days.place)
        continue
      }
      cadence.conversationWaits.append(ConversationWait(channel: wait.channel, days: wait.days.value))
    }
    if cadence.conversationWaits.count > Bounds.limitsPerCadence { fail(Bounds.tooManyLimits, at: wholePlace) }
    for window in windows {
      var known = channels.take() ?? CadenceValidation.LimitChannels(steps: cadence.steps)
      let problem = CadenceValidation.check(windowChannel: window.channel, channels: &known, budget: &budget)
      channels = known
      if problem != nil {
        fail(problem, at: window.channelPlace)
        continue
      }
      do throws(SendWindowError) {
        let channel = window.channel.map(Channel.init(checkedName:))
        cadence.windows.append(try SendWindow(channel: channel, from: window.from, to: window.to, days: window.days))
      } catch {
        let code: DiagnosticCode = error == .startsAtEndOfDay ? .badTime : .emptyWindow
        fail(CadenceValidation.Problem(code: code, message: error.description, help: nil), at: window.hoursPlace)
      }
    }
    if !packWindows.isEmpty {
      // The packs' windows restrict the cadence's own: for each channel, contacts go out only
      // when both open. Windows on channels no step uses are the pack's business, not an error.
      let used = CadenceValidation.LimitChannels(steps: cadence.steps).contactChannels
      var restricting: [SendWindow] = []
      for window in packWindows where window.channel.map(used.contains) ?? true {
        let channel = window.channel.map(Channel.init(checkedName:))
        if let built = try? SendWindow(channel: channel, from: window.from, to: window.to, days: window.days) {
          restricting.append(built)
        }
      }
      switch SendWindow.intersecting(cadence.windows, restricting) {
      case .success(let windows): cadence.windows = windows
      case .failure(let disjoint):
        fail(
          CadenceValidation.Problem(
            code: .disjointWindows,
            message: "the cadence's windows and the included pack's never open together for "
              + (disjoint.channel.map { "`\($0.name)`" } ?? "its contacts") + ": the cadence's `"
              + disjoint.own.map(\.description).joined(separator: "`, `") + "` against the pack's `"
              + disjoint.restricting.map(\.description).joined(separator: "`, `") + "`",
            help: "write the cadence's windows within the pack's hours and days"),
          at: packWindows[0].channelPlace)
      }
    }
    if cadence.steps.count > Bounds.stepsPerCadence { fail(Bounds.tooManySteps, at: wholePlace) }
    if cadence.limits.count > Bounds.limitsPerCadence { fail(Bounds.tooManyLimits, at: wholePlace) }
    if cadence.windows.count > Bounds.windowsPerCadence { fail(Bounds.tooManyWindows, at: wholePlace) }
    return valid ? cadence : nil
  }

  /// The typed charge of a `fee`, `interest` or `discount` step, or the problem with its words
  /// and where it is; `nil` for other actions.
  private func checkCharge(
    of step: Step, _ places: StepPlaces, _ arguments: [(word: Charge.Word, place: Place)]
  ) -> CheckedCharge? {
    guard step.action.kind.isCharge else { return nil }
    let words =
      arguments.isEmpty
      ? step.action.arguments.map { Charge.Word(text: $0, isQuoted: false) } : arguments.map(\.word)
    guard let parsed = Charge.parse(step.action.kind, words) else { return nil }
    switch parsed {
    case .success(.interest(.table(let name, let margin))):
      if let known = knownRateTables, !known.contains(name) {
        let place = arguments.first?.place ?? places.action
        let suggestion = Suggestions.closest(to: name, among: known.sorted())
        return .problem(
          CadenceValidation.Problem(
            code: .unknownRateTable, message: "unknown rate table `\(name)`",
            help: suggestion.map { "did you mean `\"\($0)\"`?" }
              ?? "declare it with `rates \"\(name)\" per month` and its `YYYY-MM  R%` lines in a rule file of "
              + "the rules directory"),
          place)
      }
      if let cap = caps.first(where: { $0.cap.kind == .interest }), let table = declaredRateTables[name],
        let period = table.firstPeriod(plus: margin, above: cap.cap.perDay)
      {
        return .problem(
          CadenceValidation.Problem(
            code: .aboveCap,
            message: "rates `\(name)`\(margin == .zero ? "" : " plus \(margin)") for \(period) is above the cadence's "
              + "`\(cap.cap)`",
            help: "correct the table's `\(period)` line, or change the cap if the law or the contract allows more"),
          arguments.first?.place ?? places.action)
      }
      return .charge(.interest(.table(name, plus: margin)))
    case .success(let charge): return .charge(charge)
    case .failure(let problem):
      let place = problem.word.flatMap { arguments.indices.contains($0) ? arguments[$0].place : nil }
      let code: DiagnosticCode = problem.kind == .rate ? .badRate : .badCharge
      return .problem(
        CadenceValidation.Problem(code: code, message: problem.message, help: problem.help), place ?? places.action)
    }
  }

  /// A charge step's typed charge, or its problem and where it is reported.
  enum CheckedCharge {
    case charge(Charge)
    case problem(CadenceValidation.Problem, Place)
  }
}
