import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventLinks, linkTarget } from '../../src/import/links.js';

const WIKI = new URL('../fixtures/wiki/', import.meta.url);

describe('import/links', () => {
  describe('linkTarget', () => {
    it.each<[string, string | null]>([
      [
        '//en.wikipedia.org/wiki/Speed_skating_at_the_1972_Winter_Olympics_%E2%80%93_Men%27s_500_metres',
        "Speed skating at the 1972 Winter Olympics – Men's 500 metres",
      ],
      ['/wiki/Jens_van_%27t_Wout', "Jens van 't Wout"],
      ['https://en.wikipedia.org/wiki/Ga%C3%A9tan_Boucher#Career', 'Gaétan Boucher'],
      ['./Netherlands_at_the_2026_Winter_Olympics', 'Netherlands at the 2026 Winter Olympics'],
      ['//en.wikipedia.org/w/index.php?title=Andrey_Malikov&action=edit&redlink=1', 'Andrey Malikov'],
      ['/w/index.php?action=edit&title=Lee_Yeong-Ha', 'Lee Yeong-Ha'],
      ['/wiki/File:Gold_medal_icon.svg', 'File:Gold medal icon.svg'],
      ['#cite_note-1', null],
      ['http://www.la84foundation.org/6oic/OfficialReports/2006/Results/SpeedSkating.pdf', null],
      ['/wiki/Broken_%E2%80', null],
      ['/wiki/', null],
    ])('%s', (href, title) => {
      expect(linkTarget(href)).toBe(title);
    });
  });

  describe('eventLinks', () => {
    it('finds the eight event articles the 1972 overview links, once each, in page order', () => {
      const html = readFileSync(new URL('wtq_204-page_216.html', WIKI), 'utf8');
      expect(eventLinks(html, 'Speed skating at the 1972 Winter Olympics')).toStrictEqual([
        "Speed skating at the 1972 Winter Olympics – Men's 500 metres",
        "Speed skating at the 1972 Winter Olympics – Men's 1500 metres",
        "Speed skating at the 1972 Winter Olympics – Men's 5000 metres",
        "Speed skating at the 1972 Winter Olympics – Men's 10000 metres",
        "Speed skating at the 1972 Winter Olympics – Women's 500 metres",
        "Speed skating at the 1972 Winter Olympics – Women's 1000 metres",
        "Speed skating at the 1972 Winter Olympics – Women's 1500 metres",
        "Speed skating at the 1972 Winter Olympics – Women's 3000 metres",
      ]);
    });

    it('keeps only this sport at these Games, in today’s markup too', () => {
      const html = `
        <div class="mw-parser-output">
        <div class="mw-heading mw-heading2"><h2 id="Events">Events</h2></div>
        <table class="wikitable"><tbody>
          <tr><td><a href="/wiki/Short-track_speed_skating_at_the_2026_Winter_Olympics_%E2%80%93_Men%27s_1000_metres">1000 m</a></td></tr>
          <tr><td><a href="./Short-track_speed_skating_at_the_2026_Winter_Olympics_–_Women's_500_metres">500 m</a></td></tr>
          <tr><td><a href="/wiki/Short-track_speed_skating_at_the_2026_Winter_Olympics_%E2%80%93_Men%27s_1000_metres#Final">final</a></td></tr>
          <tr><td><a href="/wiki/Short-track_speed_skating_at_the_2022_Winter_Olympics_%E2%80%93_Men%27s_1000_metres">2022</a></td></tr>
          <tr><td><a href="/wiki/Speed_skating_at_the_2026_Winter_Olympics_%E2%80%93_Men%27s_mass_start">long track</a></td></tr>
          <tr><td><a href="/wiki/Short-track_speed_skating_at_the_2026_Winter_Olympics_%E2%80%93_Qualification">quotas</a></td></tr>
          <tr><td><a href="/w/index.php?title=Short-track_speed_skating_at_the_2026_Winter_Olympics_%E2%80%93_Mixed_2000_metre_relay&action=edit&redlink=1">relay</a></td></tr>
          <tr><td><a href="/wiki/File:Short_track_speed_skating_pictogram.svg">icon</a></td></tr>
        </tbody></table></div>`;
      expect(eventLinks(html, 'Short-track speed skating at the 2026 Winter Olympics')).toStrictEqual([
        "Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres",
        "Short-track speed skating at the 2026 Winter Olympics – Women's 500 metres",
        'Short-track speed skating at the 2026 Winter Olympics – Mixed 2000 metre relay',
      ]);
    });

    it('finds nothing on a page without event links', () => {
      expect(eventLinks('<p>No links.</p>', 'Speed skating at the 2026 Winter Olympics')).toStrictEqual([]);
    });
  });
});
