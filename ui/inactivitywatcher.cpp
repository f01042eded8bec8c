#include "inactivitywatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace vigil::ui {

InactivityWatcher::InactivityWatcher(QObject* parent)
    : QObject(parent)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &InactivityWatcher::onCheck);
    m_lastActivity.start();
    QCoreApplication::instance()->installEventFilter(this);
}

InactivityWatcher::~InactivityWatcher()
{
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void InactivityWatcher::setTimeout(int milliseconds)
{
    m_timeoutMs = std::max(0, milliseconds);
    m_lastActivity.restart();
    arm();
}

void InactivityWatcher::suspend()
{
    m_suspended = true;
    m_timer->stop();
}

void InactivityWatcher::resume()
{
    m_suspended = false;
    m_lastActivity.restart();
    arm();
}

bool InactivityWatcher::isActive() const
{
    return m_timeoutMs > 0 && !m_suspended;
}

void InactivityWatcher::noteActivity()
{
    m_lastActivity.restart();
}

void InactivityWatcher::arm()
{
    if (!isActive()) {
        m_timer->stop();
        return;
    }
    const qint64 remaining = m_timeoutMs - m_lastActivity.elapsed();
    m_timer->start(static_cast<int>(std::max<qint64>(remaining, 0)));
}

void InactivityWatcher::onCheck()
{
    if (!isActive())
        return;
    if (m_lastActivity.elapsed() >= m_timeoutMs) {
        Q_EMIT timedOut();
        return;
    }
    arm(); // there was input since: wait for the rest of the period
}

bool InactivityWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
        m_lastActivity.restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace vigil::ui
