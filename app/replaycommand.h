// `callbacklab replay FILE...`: replays suites, HAR or JSON Lines captures
// against a target without a window. Progress goes to stderr, the summary to
// stdout, and optionally JUnit XML and JSON reports to files.
#pragma once

#include "junitreport.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

class ReplayCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReplayCommand)

public:
    // Exit codes: every response matched, some differed or failed, bad usage or unreadable input.
    enum ExitCode { AllMatched = 0, SomeDiffered = 1, UsageError = 2 };

    // Runs the command; arguments are the program's, with "replay" at index 1.
    // Returns the process exit code.
    static int run(const QStringList &arguments);

    // One row of the --json report.
    static QJsonObject resultToJson(const ReplayResult &result);

    // The summary printed for one file: totals, then each row that did not
    // match (at most maxRows of them) with its diff.
    static QString summaryText(const ReplayFileReport &report, int maxRows = 20);
};
