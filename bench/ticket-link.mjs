// A ticket page as a customer opens it from the SMS link: a repair ticket made through the API, and
// the portal's address for it with its access token. Used by bench/lighthouse.mjs and
// bench/startup-tasks.mjs.
import { api } from '../tests/browser/lib/portal.mjs';

export async function ticketLink(server) {
  const created = await api(server, 'POST', '/api/v1/tickets', {
    body: {
      kind: 'repair', priority: 'general',
      customer: { name: '李雷', phone: '13912340088' },
      product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0456' },
      subject: '开机后屏幕不亮',
      description: '按下电源键后指示灯亮，屏幕无显示。',
    },
  });
  if (created.status !== 201) throw new Error(`creating the ticket: ${JSON.stringify(created.body)}`);
  return `#/track/${created.body.service_number}?t=${created.body.access_token}`;
}
