// Polite screen-reader announcements of confirmed actions (one live region for the page).
class Announcer {
  message = $state('');

  say(text: string): void {
    this.message = text;
  }
}

export const announcer = new Announcer();
