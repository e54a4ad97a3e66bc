import Foundation
import Regua

/// `regua fmt [--check] FILE...`: rewrites rule files in their canonical layout.
enum FmtCommand: Command {
  static let spec = CommandSpec(
    name: "fmt", usageLine: "USAGE: regua fmt [--check] PATH...", flags: ["check"], minimumPositionals: 1,
    help: """
      regua fmt — lay rule files out in the one canonical way

      USAGE: regua fmt [--check] PATH...

      PATH is a rule file, a directory searched for `*.regua` files, or `-` to format standard
      input onto standard output. Each file is rewritten in place when its layout changes, and
      its name is printed. Columns are aligned, offsets normalised (`D+014` → `D+14`), values
      quoted only when they must be; steps keep their order and every comment is kept. A file
      with errors is left alone and its errors are printed.

      OPTIONS:
        --check    change nothing: name the files that are not formatted, and exit 1 if any

      Exit codes: 0 when every file is (or now is) formatted, 1 when a file has errors or, with
      --check, is not formatted, 2 on a usage error.
      """,
    overview: [("fmt [--check] PATH...", "lay rule files out in the canonical way")])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let check = arguments.flag("check")
    let renderer = DiagnosticRenderer(colored: terminal.colorsErrors)
    var failed = false
    var unformatted: [String] = []
    let found = formattable(try RuleLoading.foundRuleFiles(arguments.positionals), terminal: terminal)
    let paths = found.map(\.path)
    let loaded = try RuleScope.compile(found)
    let files = loaded.map(\.file)
    // The tests' names are checked across the files, as `check` does: a file `check` rejects is
    // not formatted.
    let testProblems = PolicyTestSuite.diagnostics(files)
    for ((path, directory), (loadedFile, problems)) in zip(found, zip(loaded, testProblems)) {
      let (file, source) = (loadedFile.file, loadedFile.file.source)
      let errors = file.diagnostics.filter { $0.severity == .error } + problems
      // The other files of its rules directory that declare calendars, rate tables or packs,
      // which it may name.
      let others = loadedFile.scope.filter {
        $0.source.path != source.path && !($0.calendars.isEmpty && $0.rateTables.isEmpty && $0.packs.isEmpty)
      }.map(\.source)
      switch errors.isEmpty ? RuleFormatter.format(source, alongside: others) : .failure(.errors(errors)) {
      case .failure(.errors(let diagnostics)):
        terminal.error(renderer.render(diagnostics, in: source))
        failed = true
      case .failure(.lineTooLong(let line)):
        terminal.error(
          "error: \(SafeText.escaped(path)): formatted, line \(line) would be longer than \(Bounds.lineBytes) bytes; "
            + "the file was left as it is\nhelp: shorten the line (a long argument, or its indentation)")
        failed = true
      case .failure(.changesMeaning):
        terminal.error(
          "error: \(SafeText.escaped(path)): formatting would change what the file means; it was left as it is "
            + "(a bug in `regua fmt`: please report it with the file)")
        failed = true
      case .success(let text):
        if path == "-" {
          if !check { terminal.output(Data(text.utf8)) }
          if text != source.text { unformatted.append(path) }
          continue
        }
        guard text != source.text else { continue }
        if check {
          unformatted.append(path)
          continue
        }
        // A file that cannot be written is named and left as it was; the others are still
        // formatted.
        do {
          try FileReplacement.write(Data(text.utf8), to: path, within: directory)
          unformatted.append(path)
        } catch {
          terminal.error("error: cannot write \(SafeText.escaped(path)): \(error)")
          failed = true
        }
      }
    }
    if check {
      if !unformatted.isEmpty {
        terminal.error(unformatted.map { "not formatted: \(SafeText.escaped($0))" }.joined(separator: "\n"))
      }
      return failed || !unformatted.isEmpty ? .failure : .success
    }
    if paths != ["-"], !unformatted.isEmpty {
      terminal.print(unformatted.map { "formatted \(SafeText.escaped($0))" }.joined(separator: "\n"))
    }
    return failed ? .failure : .success
  }

  /// The files of `found` that `fmt` may rewrite, each once: a file found in a directory whose
  /// real path lies outside it (a symbolic link out of it) is skipped with a warning, and a file
  /// reached by two names (a link beside its target) is formatted under the first.
  static func formattable(_ found: [(path: String, directory: String?)], terminal: Terminal) -> [(
    path: String, directory: String?
  )] {
    var targets: Set<String> = []
    return found.filter { path, directory in
      guard path != "-", let target = try? FileReplacement.target(of: path) else { return true }
      if let directory, !FileReplacement.isInside(target, directory: directory) {
        let isLink =
          (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
        let why = isLink ? "it is a symbolic link to a file outside" : "it is reached through a symbolic link out of"
        terminal.error("warning: skipped \(SafeText.escaped(path)): \(why) \(SafeText.escaped(directory))")
        return false
      }
      return targets.insert(target).inserted
    }
  }
}
