// HAR 1.2 export and import of exchanges.
//
// Export writes standard entries (request, response, timings). What HAR has
// no place for goes in members starting with an underscore, so a file written
// here reads back with every field: _decision, _decidedBy,
// _settingsRevision, _outcome, _latencyMicros, _findings, _callback (the
// parsed fields), _peer, _logId, _responderId, _captured; request._target (the
// request target as received), request._bodyCut, response._bodyCut, and
// _nameBase64/_valueBase64 on headers whose bytes are not valid UTF-8. Bodies
// that are not valid UTF-8 are written as base64 with "encoding": "base64",
// in postData as in response.content.
//
// Import reads HAR from browsers, HTTP Toolkit and mitmproxy: optional
// members may be missing, postData may carry params instead of text, bodies
// may be base64, and HTTP/2 pseudo-headers are dropped (":authority" becomes
// Host when there is none). Entries without our members are parsed as
// callbacks; their decision follows the status (200 allow, anything else
// deny), decidedBy is "captured", and status 0 (no response) gives the
// outcome never-answered.
#pragma once

#include "storedexchange.h"

#include <QCoreApplication>

class QIODevice;

class HarFormat
{
    Q_DECLARE_TR_FUNCTIONS(HarFormat)

public:
    static QJsonObject entry(const StoredExchange &stored);

    // A whole HAR document with the given entries.
    static QByteArray document(const QList<StoredExchange> &exchanges);

    // Reads a HAR document. Each entry that fails is reported with its index
    // and the JSON path of the member at fault; the others are imported.
    // Every exchange read is marked captured.
    static ImportResult read(const QByteArray &data);

    // Reads one entry; on failure returns the issue with field and message set.
    static std::optional<ImportIssue> fromEntry(const QJsonObject &entry, StoredExchange *stored);

    // Writes a HAR document entry by entry, so exports of any size need
    // memory for one entry at a time.
    class Writer
    {
    public:
        explicit Writer(QIODevice *device);
        bool begin();
        bool write(const StoredExchange &stored);
        bool finish();

    private:
        QIODevice *m_device;
        qint64 m_written = 0;
    };
};
