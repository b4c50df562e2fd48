// Replay suite files: requests with their expectations, the target and the
// run options, saved as versioned JSON. Also reads HAR and JSON Lines
// captures as suites, telling the formats apart by content and extension.
//
// Suite file, version 1 (every key but "format", "version" and "requests" optional):
//   {
//     "format": "callbacklab-replay-suite", "version": 1,
//     "name": "asset rules",
//     "target": "http://127.0.0.1:8080/",
//     "options": {"concurrency": 8, "rate": 0, "timeoutMs": 10000, "repeat": 1,
//                 "budgetMs": 0, "strictBudget": false, "parity": false, "insecure": false, "contract": "warning",
//                 "method": "POST", "encoding": "json", "headers": [{"name": "X-A", "value": "1"}]},
//     "requests": [{
//       "id": "sigma_vtv1 allowed", "method": "POST", "url": "http://host/callback", "query": "a=1",
//       "headers": [{"name": "Content-Type", "value": "application/json"}],
//       "body": "{\"asset\":\"sigma_vtv1\",...}",            (or "bodyBase64" for bytes that are not UTF-8)
//       "expect": {"source": "manual", "decision": "allow", "status": 200,
//                  "body": "...", "crt": {"hdcpLevel": "HDCP v2.2"}}
//     }]
//   }
// "encoding" is one of CallbackComposer::encodingNames(); "source" is
// recorded, manual or none. Unknown keys are errors, so a misspelt key is
// reported instead of silently ignored.
#pragma once

#include "replayrequest.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

struct ReplaySuite
{
    QString name;
    ReplayOptions options;       // target and run options saved with the suite
    QList<ReplayRequest> requests;
};

// Location and reason of a failure to read a file.
struct ReplayLoadError
{
    QString fileName;
    qint64 offset = -1;  // byte offset of a syntax error, -1 when fieldPath gives the location
    int line = 0;        // 1-based line of the offset or of a JSON Lines record, 0 when unknown
    int column = 0;      // 1-based column of the offset, 0 when unknown
    QString fieldPath;   // e.g. requests[3].expect.status
    QString message;     // translated

    // "suite.json: requests[3].expect.status: must be a number from 100 to 599"
    QString toString() const;
};

enum class ReplayInputKind { Unknown, Suite, Har, JsonLines };

class ReplaySuiteFormat
{
    Q_DECLARE_TR_FUNCTIONS(ReplaySuiteFormat)

public:
    static constexpr int CurrentVersion = 1;
    static QString formatName() { return QStringLiteral("callbacklab-replay-suite"); }

    static QByteArray toJson(const ReplaySuite &suite);

    // Reads a suite. On failure returns false, fills error (fileName is
    // copied in) and leaves suite untouched.
    static bool fromJson(const QByteArray &json, const QString &fileName, ReplaySuite *suite, ReplayLoadError *error);

    // Writes the suite atomically; returns false with errorMessage set on failure.
    static bool save(const QString &fileName, const ReplaySuite &suite, QString *errorMessage);
    static bool load(const QString &fileName, ReplaySuite *suite, ReplayLoadError *error);
};

// Reading any replay input: a suite, a HAR 1.2 capture or JSON Lines.
class ReplayInput
{
    Q_DECLARE_TR_FUNCTIONS(ReplayInput)

public:
    // Tells the format by content first: a JSON object with the suite's
    // "format" is a suite, one with "log" is HAR; several lines that each
    // hold a JSON object are JSON Lines. When the content is ambiguous or
    // broken, the extension decides (.har, .jsonl or .ndjson, .json).
    static ReplayInputKind sniff(const QByteArray &content, const QString &fileName);

    // Loads a file of any kind as a suite. Requests from HAR and JSON Lines
    // (read with HarFormat and JsonLinesFormat) expect the responses
    // recorded with them and carry no options. An entry that cannot be read, or whose
    // request body was cut when logged, fails the whole file.
    static bool loadFile(const QString &fileName, ReplaySuite *suite, ReplayLoadError *error);

    static bool requestsFromHar(const QByteArray &content, const QString &fileName, QList<ReplayRequest> *requests,
                                ReplayLoadError *error);
    static bool requestsFromJsonLines(const QByteArray &content, const QString &fileName,
                                      QList<ReplayRequest> *requests, ReplayLoadError *error);
};

QString replayInputKindName(ReplayInputKind kind);
