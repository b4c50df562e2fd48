// JUnit XML for replay results, for CI systems that show test reports: one
// testsuite per input file and one testcase per replayed request, with the
// body diff and findings in the failure text.
#pragma once

#include "replayrequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

// The results of one input file.
struct ReplayFileReport
{
    QString fileName;
    QList<ReplayResult> results;
    qint64 elapsedMs = 0;
    QDateTime startedAt;  // UTC
};

class JUnitReport
{
    Q_DECLARE_TR_FUNCTIONS(JUnitReport)

public:
    // A differed row becomes a <failure>, an error row an <error>.
    static QByteArray toXml(const QList<ReplayFileReport> &reports);

    // Writes the XML atomically; returns false with errorMessage set on failure.
    static bool write(const QString &fileName, const QList<ReplayFileReport> &reports, QString *errorMessage);

    // Returns the failure text of a row: expected and actual response, the diff and the findings.
    static QString detailText(const ReplayResult &result);
};
