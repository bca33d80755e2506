// One adapter per stored channel, chosen by its kind. Credentials come decrypted from the
// workspace's channel settings; the context carries PUBLIC_URL, the clock and the HTTP client.
import { type AfricasTalkingSmsChannel, africasTalkingSmsAdapter } from './africastalking/sms.ts';
import { type AfricasTalkingUssdChannel, africasTalkingUssdAdapter } from './africastalking/ussd.ts';
import { type AndroidGatewayChannel, androidGatewayAdapter } from './android-gateway/adapter.ts';
import { type TwilioChannel, twilioAdapter } from './twilio/adapter.ts';
import type { ChannelAdapter, ChannelContext } from './types.ts';
import { type WhatsAppCloudChannel, whatsappCloudAdapter } from './whatsapp/adapter.ts';

export type ChannelSettings =
  | TwilioChannel
  | AfricasTalkingSmsChannel
  | AfricasTalkingUssdChannel
  | WhatsAppCloudChannel
  | AndroidGatewayChannel;

export function channelAdapter(settings: ChannelSettings, context: ChannelContext): ChannelAdapter {
  switch (settings.kind) {
    case 'twilio-sms':
    case 'twilio-whatsapp':
      return twilioAdapter(settings, context);
    case 'africastalking-sms':
      return africasTalkingSmsAdapter(settings, context);
    case 'africastalking-ussd':
      return africasTalkingUssdAdapter(settings);
    case 'whatsapp-cloud':
      return whatsappCloudAdapter(settings, context);
    case 'android-gateway':
      return androidGatewayAdapter(settings, context);
  }
}
