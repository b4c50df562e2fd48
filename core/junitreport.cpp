#include "junitreport.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace {

// XML 1.0 cannot carry most control characters, even escaped.
QString xmlSafe(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            c = QChar::ReplacementCharacter;
    }
    return text;
}

} // namespace

QString JUnitReport::detailText(const ReplayResult &result)
{
    QStringList lines;
    if (!result.method.isEmpty()) {
        lines.append(QStringLiteral("%1 %2").arg(QString::fromLatin1(result.method), result.url.toString()).trimmed());
    }
    if (result.outcome == ReplayOutcome::Error) {
        lines.append(result.errorMessage);
        if (!result.location.isEmpty())
            lines.append(tr("Location: %1").arg(QString::fromUtf8(result.location)));
        return lines.join(QLatin1Char('\n'));
    }

    const QString expectedStatus = result.expectedStatus != 0 ? QString::number(result.expectedStatus) : tr("any");
    lines.append(tr("expected: %1 %2").arg(expectedStatus, decisionName(result.expectedDecision)));
    lines.append(tr("actual:   %1 %2 in %3 ms")
                     .arg(result.status)
                     .arg(decisionName(result.decision))
                     .arg(double(result.latencyMicros) / 1000.0, 0, 'f', 1));
    if (!result.bodyDiff.isEmpty())
        lines.append(tr("body diff:\n%1").arg(result.bodyDiff.toText()));
    for (const Finding &finding : result.findings) {
        const QString field = finding.field.isEmpty() ? QString() : finding.field + QStringLiteral(": ");
        lines.append(QStringLiteral("%1 %2: %3%4").arg(severityName(finding.severity), finding.code, field, finding.message));
    }
    return lines.join(QLatin1Char('\n'));
}

QByteArray JUnitReport::toXml(const QList<ReplayFileReport> &reports)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeAttribute(QStringLiteral("name"), QStringLiteral("callbacklab replay"));

    for (const ReplayFileReport &report : reports) {
        int failures = 0;
        int errors = 0;
        for (const ReplayResult &result : report.results) {
            if (result.outcome == ReplayOutcome::Differed)
                ++failures;
            else if (result.outcome == ReplayOutcome::Error)
                ++errors;
        }
        const QString suiteName = QFileInfo(report.fileName).fileName();

        writer.writeStartElement(QStringLiteral("testsuite"));
        writer.writeAttribute(QStringLiteral("name"), report.fileName);
        writer.writeAttribute(QStringLiteral("tests"), QString::number(report.results.size()));
        writer.writeAttribute(QStringLiteral("failures"), QString::number(failures));
        writer.writeAttribute(QStringLiteral("errors"), QString::number(errors));
        writer.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
        writer.writeAttribute(QStringLiteral("time"), QString::number(double(report.elapsedMs) / 1000.0, 'f', 3));
        if (report.startedAt.isValid())
            writer.writeAttribute(QStringLiteral("timestamp"), report.startedAt.toString(Qt::ISODate));

        for (const ReplayResult &result : report.results) {
            writer.writeStartElement(QStringLiteral("testcase"));
            const QString name = result.iteration > 0
                ? QStringLiteral("%1 (repeat %2)").arg(result.requestId).arg(result.iteration + 1)
                : result.requestId;
            writer.writeAttribute(QStringLiteral("name"), xmlSafe(name));
            writer.writeAttribute(QStringLiteral("classname"), suiteName);
            writer.writeAttribute(QStringLiteral("time"), QString::number(double(result.latencyMicros) / 1e6, 'f', 6));
            if (result.outcome == ReplayOutcome::Differed) {
                writer.writeStartElement(QStringLiteral("failure"));
                writer.writeAttribute(QStringLiteral("message"), xmlSafe(result.summaryLine()));
                writer.writeAttribute(QStringLiteral("type"), result.mismatches.join(QLatin1Char(',')));
                writer.writeCharacters(xmlSafe(detailText(result)));
                writer.writeEndElement();
            } else if (result.outcome == ReplayOutcome::Error) {
                writer.writeStartElement(QStringLiteral("error"));
                writer.writeAttribute(QStringLiteral("message"), xmlSafe(result.summaryLine()));
                writer.writeAttribute(QStringLiteral("type"), replayErrorName(result.error));
                writer.writeCharacters(xmlSafe(detailText(result)));
                writer.writeEndElement();
            } else if (!result.findings.isEmpty()) {
                writer.writeTextElement(QStringLiteral("system-out"), xmlSafe(detailText(result)));
            }
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }

    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

bool JUnitReport::write(const QString &fileName, const QList<ReplayFileReport> &reports, QString *errorMessage)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    file.write(toXml(reports));
    if (!file.commit()) {
        *errorMessage = tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}
