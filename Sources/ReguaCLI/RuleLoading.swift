import Foundation
import Regua

/// Reads rule files and invoices for the commands, turning every problem into a message for
/// people.
enum RuleLoading {
  /// The rule files named by `paths`: files as given, `-` (standard input), directories
  /// searched for `*.regua` (sorted, recursively, hidden files and folders aside); each file
  /// once, however often it is named.
  static func ruleFiles(_ paths: [String]) throws -> [String] {
    try foundRuleFiles(paths).map(\.path)
  }

  /// The rule files named by `paths`, as ``ruleFiles(_:)`` lists them, each with the directory
  /// argument it was found in (nil for a file named as such, or `-`).
  static func foundRuleFiles(_ paths: [String]) throws -> [(path: String, directory: String?)] {
    var files: [(path: String, directory: String?)] = []
    var seen: Set<String> = []
    let manager = FileManager.default
    for path in paths {
      if path == "-" {
        files.append((path, nil))
        continue
      }
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CommandFailure(message: "error: no such file or directory: \(SafeText.escaped(path))")
      }
      if isDirectory.boolValue {
        let enumerator = manager.enumerator(atPath: path)
        var found: [String] = []
        while let entry = enumerator?.nextObject() as? String {
          let hidden = entry.split(separator: "/").contains { $0.hasPrefix(".") }
          guard entry.hasSuffix(".regua"), !hidden else { continue }
          // Regular files only (through links): a FIFO named `x.regua` would block the walk on
          // its read forever, and a device or socket is no rule file.
          let file = (path as NSString).appendingPathComponent(entry)
          let target = URL(fileURLWithPath: file).resolvingSymlinksInPath()
          if (try? target.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { found.append(file) }
        }
        if found.isEmpty { throw CommandFailure(message: "error: no `.regua` files in \(SafeText.escaped(path))") }
        files += found.sorted().map { ($0, path) }
      } else {
        files.append((path, nil))
      }
    }
    return files.filter {
      seen.insert(URL(fileURLWithPath: $0.path).standardizedFileURL.path).inserted || $0.path == "-"
    }
  }

  /// Reads and compiles one rule file, reading no more than ``Bounds/fileBytes`` and one byte:
  /// a larger file, or one that is not UTF-8, is a diagnostic of the file.
  static func compile(_ path: String, lint: Bool = false) throws -> RuleFile {
    RuleCompiler.compile(path: path == "-" ? "<stdin>" : path, contents: try contents(of: path), lint: lint)
  }

  /// A rule file's bytes, no more than ``Bounds/fileBytes`` and one.
  static func contents(of path: String) throws -> [UInt8] {
    do {
      return try BoundedInput.read(path, limit: Bounds.fileBytes).bytes
    } catch {
      throw CommandFailure(message: "error: cannot read \(SafeText.escaped(path)): \(SafeText.escaped(error.reason))")
    }
  }

  /// Compiles a rule file (with its folder's files when it names a calendar one of them declares,
  /// ``RuleScope``) and picks one cadence; with the environment of the calendars and rate tables
  /// it may name.
  static func cadenceAndEnvironment(_ path: String, named name: String?, terminal: Terminal) throws -> (
    cadence: Cadence, environment: Environment
  ) {
    let loaded = try RuleScope.compileAlone(path)
    let file = loaded.file
    guard file.isValid else {
      throw CommandFailure(
        message: DiagnosticRenderer(colored: terminal.colorsErrors).render(file.diagnostics, in: file.source))
    }
    if let name {
      guard let cadence = file.cadences.first(where: { $0.name == name }) else {
        let names = file.cadences.map { "`\(SafeText.escaped($0.name))`" }.joined(separator: ", ")
        throw CommandFailure(
          message:
            "error: \(SafeText.escaped(path)) has no cadence named `\(SafeText.excerpt(name))`; it has \(names)")
      }
      return (cadence, loaded.environment)
    }
    guard file.cadences.count == 1, let cadence = file.cadences.first else {
      if file.cadences.isEmpty {
        throw CommandFailure(message: "error: \(SafeText.escaped(path)) declares no cadence")
      }
      let names = file.cadences.map { "`\(SafeText.escaped($0.name))`" }.joined(separator: ", ")
      throw CommandFailure(
        message:
          "error: \(SafeText.escaped(path)) declares several cadences (\(names)); choose one with `--cadence NAME`")
    }
    return (cadence, loaded.environment)
  }

  /// Reads an invoice from a JSON file, or standard input for `-`, reading no more than
  /// ``Bounds/documentBytes`` and one byte.
  ///
  /// The customer may name the built-in channels and `hostChannels` (the cadence's `notify`
  /// channels); every problem of the document is printed, one per line, each naming its field.
  static func invoice(_ path: String, hostChannels: Set<String> = [], command: String = "") throws -> Invoice {
    switch try document(path, hostChannels: hostChannels) {
    case .invoice(let invoice): return invoice
    case .account:
      let name = path == "-" ? "<stdin>" : SafeText.escaped(path)
      throw CommandFailure(
        message: "\(name): error: this is an account document; `regua \(command)` takes one invoice so far "
          + "(`regua plan` takes an account): give one of its invoices")
    }
  }

  /// Reads a document — an invoice or an account — from a JSON file, or standard input for `-`,
  /// as ``invoice(_:hostChannels:command:)`` reads an invoice.
  static func document(_ path: String, hostChannels: Set<String> = []) throws -> Document {
    let name = path == "-" ? "<stdin>" : SafeText.escaped(path)
    let contents: BoundedInput.Contents
    do {
      contents = try BoundedInput.read(path, limit: Bounds.documentBytes)
    } catch {
      throw CommandFailure(message: "error: cannot read the invoice \(name): \(SafeText.escaped(error.reason))")
    }
    guard !contents.exceedsLimit else {
      let limit = Bounds.documentBytes
      throw CommandFailure(
        message: "\(name): error: the document is larger than \(BoundedInput.describe(bytes: limit)) "
          + "(\(limit) bytes), the most one document may be")
    }
    do {
      return try Document(json: Data(contents.bytes), hostChannels: hostChannels)
    } catch {
      throw CommandFailure(message: describe(error, at: "\(name): error: "))
    }
  }

  /// Runs an evaluation of the invoice read from `path`: the problems that keep its amounts from
  /// being computed (a charge in another currency, a month missing from a rate table) are
  /// printed like the document's own, one per line after the file's name.
  static func evaluating<T>(_ path: String, _ body: () throws(InvalidInput) -> T) throws -> T {
    do {
      return try body()
    } catch {
      let name = path == "-" ? "<stdin>" : SafeText.escaped(path)
      throw CommandFailure(message: describe(error, at: "\(name): error: "))
    }
  }

  /// The problems of a document one per line, each after `prefix` (`file: error: `, or
  /// `file:3: error: ` for a line of a portfolio).
  static func describe(_ problems: InvalidInput, at prefix: String) -> String {
    problems.description.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
      .joined(separator: "\n")
  }

  /// Reads a date: `YYYY-MM-DD`, or `today` in the cadence's time zone (UTC when it has none),
  /// through the library's bridge from `Date`: never the process's zone.
  static func date(_ text: String, option: String, timeZone: String?) throws -> CivilDate {
    if text == "today" {
      let zone = timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")
      if let zone { return CivilDate(Date(), in: zone) }
    }
    do {
      return try CivilDate(parsing: text)
    } catch {
      throw UsageError(message: "`--\(option)`: \(error)")
    }
  }
}
