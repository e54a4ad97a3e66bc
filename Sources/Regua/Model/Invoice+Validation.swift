import Foundation

/// The rules every invoice obeys, whether it was read from JSON or built in Swift: one
/// validation, so that no path lets a bad invoice reach the engine. Each problem names the field
/// by its path in the JSON document (`payments[0].amount`), the same path the reader reports.
extension Invoice {
  /// Adds every problem of `draft` to `problems`; `reported` holds the fields the caller has
  /// already reported (a reader that could not read them), so they are not judged again. Paths
  /// are built only for problems (and only looked up when something was reported), so a valid
  /// invoice is validated without building any text.
  static func validate(
    _ draft: Draft, into problems: inout InputErrorList, reported: ReportedFields = ReportedFields()
  ) {
    func isReported(_ path: @autoclosure () -> String) -> Bool { reported.contains(path()) }
    let currency = draft.amount.currency
    if !isReported("id") {
      validateID(draft.id, at: "id", noun: "the invoice's id such as \"INV-1001\"", into: &problems)
    }
    if !isReported("amount"), draft.amount.isNegative {
      problems.add("amount", "`\(draft.amount.amountString)` is negative; an invoice's amount is zero or more")
    }
    if !isReported("issued") { validateDate(draft.issued, at: "issued", into: &problems) }
    if !isReported("due") { validateDate(draft.due, at: "due", into: &problems) }
    if !isReported("issued"), !isReported("due"), draft.due < draft.issued {
      problems.add(
        "due", "`\(draft.due)` is before the issue date `\(draft.issued)`; the due date is on or after it")
    }
    if !isReported("customer") { validate(draft.customer, at: "customer", into: &problems, reported: reported) }
    if !isReported("tags") { validateTexts(draft.tags, at: "tags", noun: "tag", into: &problems) }
    if !isReported("payments") {
      validateCount(draft.payments.count, at: "payments", noun: "payments", into: &problems)
      var total: Int64 = 0
      for (index, payment) in draft.payments.prefix(Bounds.documentItems).enumerated() {
        if !isReported("payments[\(index)].date") {
          validateDate(payment.date, at: "payments[\(index)].date", into: &problems)
        }
        let path = "payments[\(index)].amount"
        guard !isReported(path) else { continue }
        if payment.amount.currency != currency {
          problems.add(
            path,
            "is in \(payment.amount.currency.code) and the invoice in \(currency.code); a payment is in the invoice's currency"
          )
        } else if payment.amount.minorUnits <= 0 {
          problems.add(
            path,
            "`\(payment.amount.amountString)` is not positive; a payment is an amount above zero such as \"250.00\"")
        } else {
          let (sum, overflow) = total.addingReportingOverflow(payment.amount.minorUnits)
          if overflow {
            problems.add(path, MoneyError.overflow.description)
          } else {
            total = sum
          }
        }
      }
    }
    if !isReported("promise"), let promise = draft.promise {
      if let made = promise.made, !isReported("promise.made") {
        validateDate(made, at: "promise.made", into: &problems)
      }
      if !isReported("promise.date") { validateDate(promise.date, at: "promise.date", into: &problems) }
      if let made = promise.made, made > promise.date, !isReported("promise.made"), !isReported("promise.date") {
        problems.add("promise.date", "`\(promise.date)` is before the day the promise was made (`\(made)`)")
      }
      if let amount = promise.amount, !isReported("promise.amount") {
        if amount.currency != currency {
          problems.add(
            "promise.amount",
            "is in \(amount.currency.code) and the invoice in \(currency.code); a promise is in the invoice's currency")
        } else if amount.minorUnits <= 0 {
          problems.add("promise.amount", "`\(amount.amountString)` is not positive; a promise is an amount above zero")
        }
      }
    }
    if !isReported("history") {
      validateCount(draft.history.count, at: "history", noun: "entries", into: &problems)
      for (index, entry) in draft.history.prefix(Bounds.documentItems).enumerated() {
        validate(entry, at: "history[\(index)]", into: &problems, reported: reported)
      }
    }
    if !isReported("metadata") { validateMetadata(draft.metadata, into: &problems) }
  }

  /// Adds the problems of one history entry.
  static func validate(
    _ entry: HistoryEntry, at path: @autoclosure () -> String, into problems: inout InputErrorList,
    reported: ReportedFields = ReportedFields()
  ) {
    func isReported(_ path: @autoclosure () -> String) -> Bool { reported.contains(path()) }
    if !isReported(path() + ".step") {
      validateID(entry.step, at: path() + ".step", noun: "a step id such as \"d+1-email\"", into: &problems)
    }
    if !isReported(path() + ".date") { validateDate(entry.date, at: path() + ".date", into: &problems) }
  }

  static func validate(
    _ customer: Customer, at path: @autoclosure () -> String, into problems: inout InputErrorList,
    reported: ReportedFields
  ) {
    func isReported(_ path: @autoclosure () -> String) -> Bool { reported.contains(path()) }
    if customer == Customer(id: "") { return }
    if !isReported(path() + ".id") {
      validateID(customer.id, at: path() + ".id", noun: "the customer's id such as \"C-42\"", into: &problems)
    }
    if !isReported(path() + ".segment") {
      validateText(customer.segment, at: path() + ".segment", what: "a segment", into: &problems)
    }
    if !isReported(path() + ".tags") {
      validateTexts(customer.tags, at: path() + ".tags", noun: "tag", into: &problems)
    }
    if !isReported(path() + ".channels") {
      validateChannels(customer.preferredChannels, at: path() + ".channels", into: &problems)
    }
    if !isReported(path() + ".opt-outs") {
      validateChannels(customer.optOuts, at: path() + ".opt-outs", into: &problems)
    }
    if let zone = customer.timeZone, !isReported(path() + ".timezone"), let problem = TimeZoneNames.problem(zone) {
      problems.add(path() + ".timezone", problem)
    }
  }

  /// An id: not empty, at most ``Bounds/idBytes``, and printable (no control character, no
  /// bidirectional formatting character, no invisible, default-ignorable one: ids are printed on
  /// terminals and used as idempotency keys, so two ids that print alike must be the same id).
  static func validateID(
    _ id: String, at path: @autoclosure () -> String, noun: String, into problems: inout InputErrorList
  ) {
    if id.isEmpty {
      problems.add(path(), "is empty; expected \(noun)")
    } else if id.utf8.count > Bounds.idBytes {
      problems.add(
        path(), "`\(SafeText.excerpt(id))` is too long: an id has at most \(Bounds.idBytes) bytes (Bounds.idBytes)")
    } else if let scalar = SafeText.firstUnsafe(in: id) {
      problems.add(path(), unprintable(scalar, in: id, what: "an id"))
    }
  }

  /// A date Regua can compute with: 0001-01-01 through 9999-12-31 (what `YYYY-MM-DD` writes).
  private static func validateDate(
    _ date: CivilDate, at path: @autoclosure () -> String, into problems: inout InputErrorList
  ) {
    if !date.isRepresentable {
      problems.add(path(), "`\(date)` is outside 0001-01-01…9999-12-31; a date is written YYYY-MM-DD")
    }
  }

  /// A list of channels: bounded, each named once.
  private static func validateChannels(
    _ channels: [Channel], at path: @autoclosure () -> String, into problems: inout InputErrorList
  ) {
    validateCount(channels.count, at: path(), noun: "channels", into: &problems)
    guard channels.count > 1 else { return }
    var seen: Set<Channel> = []
    for (index, channel) in channels.prefix(Bounds.documentItems).enumerated() where !seen.insert(channel).inserted {
      problems.add("\(path())[\(index)]", "`\(channel.name)` is already in the list; name a channel once")
    }
  }

  /// A segment or a tag: at most ``Bounds/textBytes``, visible and printable (it is compared with
  /// rule-file strings, and printed).
  private static func validateText(
    _ text: String, at path: @autoclosure () -> String, what: String, into problems: inout InputErrorList
  ) {
    if text.utf8.count > Bounds.textBytes {
      problems.add(
        path(), "`\(SafeText.excerpt(text))` is too long: at most \(Bounds.textBytes) bytes (Bounds.textBytes)")
    } else if let scalar = SafeText.firstUnsafe(in: text) {
      problems.add(path(), unprintable(scalar, in: text, what: what))
    }
  }

  private static func validateTexts(
    _ texts: [String], at path: @autoclosure () -> String, noun: String, into problems: inout InputErrorList
  ) {
    validateCount(texts.count, at: path(), noun: noun + "s", into: &problems)
    for (index, text) in texts.prefix(Bounds.documentItems).enumerated() {
      if text.isEmpty {
        problems.add("\(path())[\(index)]", "is empty; a \(noun) has at least one character")
      } else {
        validateText(text, at: "\(path())[\(index)]", what: "a \(noun)", into: &problems)
      }
    }
  }

  private static func validateCount(
    _ count: Int, at path: @autoclosure () -> String, noun: String, into problems: inout InputErrorList
  ) {
    if count > Bounds.documentItems {
      problems.add(path(), "has \(count) \(noun); at most \(Bounds.documentItems) (Bounds.documentItems)")
    }
  }

  private static func validateMetadata(_ metadata: [String: String], into problems: inout InputErrorList) {
    if metadata.count > Bounds.metadataEntries {
      problems.add(
        "metadata", "has \(metadata.count) fields; at most \(Bounds.metadataEntries) (Bounds.metadataEntries)")
      return
    }
    for key in metadata.keys.sorted() {
      let path = "metadata." + SafeText.excerpt(key)
      if key.isEmpty || key.utf8.count > Bounds.metadataKeyBytes {
        problems.add(
          path, "a metadata key has 1 to \(Bounds.metadataKeyBytes) bytes (Bounds.metadataKeyBytes)")
      } else if let scalar = SafeText.firstUnsafe(in: key) {
        problems.add(path, unprintable(scalar, in: key, what: "a metadata key"))
      } else if let value = metadata[key], value.utf8.count > Bounds.metadataValueBytes {
        problems.add(
          path,
          "is \(value.utf8.count) bytes long; a metadata value has at most \(Bounds.metadataValueBytes) (Bounds.metadataValueBytes)"
        )
      }
    }
  }

  /// Why `text` is refused for holding `scalar`: which kind of character it is, its code point
  /// and name, and where it is.
  private static func unprintable(_ scalar: Unicode.Scalar, in text: String, what: String) -> String {
    let position = text.unicodeScalars.prefix(while: { $0 != scalar }).count + 1
    let kind =
      SafeText.isBidirectionalControl(scalar)
      ? "a bidirectional formatting character"
      : SafeText.isTerminalControl(scalar) ? "a control character" : "an invisible character"
    var rule = "\(what) must be printable text"
    if !SafeText.isTerminalControl(scalar) {
      let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { !SafeText.isDefaultIgnorable($0) }))
      rule = "\(what) must be visible text: this one looks like `\(SafeText.excerpt(visible))` but is not equal to it"
    }
    return "`\(SafeText.excerpt(text))` holds \(kind), \(SafeText.named(scalar)), at character \(position); \(rule)"
  }
}

/// The fields a reader has already reported, so that validation does not judge them again.
struct ReportedFields {
  /// What comes before each field's path (`invoices[2]`), empty for an invoice document.
  var prefix = ""
  /// The reported paths, prefix included.
  var paths: Set<String> = []

  /// Whether `path` (without the prefix) was reported; builds the path only when something
  /// was.
  func contains(_ path: @autoclosure () -> String) -> Bool {
    guard !paths.isEmpty else { return false }
    return paths.contains(prefix.isEmpty ? path() : prefix + "." + path())
  }
}

/// The IANA time zone names a customer's `timezone` may take.
enum TimeZoneNames {
  /// Every name this platform knows, read once.
  static let known: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC", "GMT"])

  /// Why `name` is not a time zone, or `nil`.
  static func problem(_ name: String) -> String? {
    if known.contains(name) { return nil }
    if name.utf8.count <= 64, TimeZone(identifier: name) != nil { return nil }
    var message = "`\(SafeText.excerpt(name))` is not an IANA time zone" + LookAlikes.note(name)
    if let guess = Suggestions.closest(to: name, among: known) {
      message += "; did you mean `\(guess)`?"
    } else {
      message += "; expected one such as \"America/Sao_Paulo\""
    }
    return message
  }
}
