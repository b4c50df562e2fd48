// Translated display text for the values of an exchange, shared by the
// request log, the detail pane and the CRT findings list.
#pragma once

#include "exchange.h"

#include <QCoreApplication>

// Columns that both request log models (live and stored) show, in order.
struct RequestLogColumns
{
    enum Column {
        TimeColumn,
        MethodColumn,
        AssetColumn,
        UserColumn,
        SessionColumn,
        DrmSchemeColumn,
        ClientIpColumn,
        DecisionColumn,
        StatusColumn,
        LatencyColumn,
        LogColumnCount
    };
};

class ExchangeText
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeText)

public:
    static QString decision(Decision decision);
    static QString severity(FindingSeverity severity);
    static QString outcome(DeliveryOutcome outcome);
    static QString encoding(BodyEncoding encoding);
    static QString metadataLayout(MetadataLayout layout);
    static QString latency(qint64 micros);

    // Title of a RequestLogColumns column; an empty string past the last.
    static QString logColumnTitle(int column);
};
