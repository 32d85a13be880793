namespace Plumb.Tests;

// For browser tests: the contrast of the focus indicator of document.activeElement with the background behind it (WCAG 2.2, 1.4.11
// asks 3:1): the better of the outline and the halo of the box shadow, against the nearest ancestor with a background colour.
internal static class FocusContrast
{
    public const string Script = """
        () => {
          const parse = c => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const el = document.activeElement;
          let back = null;
          for (let n = el.parentElement; n && !back; n = n.parentElement) {
            const bg = getComputedStyle(n).backgroundColor;
            if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') back = parse(bg);
          }
          back = back || [255, 255, 255];
          const style = getComputedStyle(el);
          const rings = [];
          if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) rings.push(parse(style.outlineColor));
          const shadow = style.boxShadow.match(/rgba?\([^)]*\)/);
          if (shadow) rings.push(parse(shadow[0]));
          return Math.max(0, ...rings.map(r => ratio(r, back)));
        }
        """;
}
