import { visibleText } from './a11y';
import { FirefoxWithExtension } from './firefox';
import { expect, test } from './fixtures';

test('Firefox in Spanish: the sidebar, the popup and the options page speak Spanish', async () => {
  const firefox = await FirefoxWithExtension.launch({ locale: 'es-ES' });
  try {
    await firefox.openLinkedIn('/in/luc%C3%ADa-fern%C3%A1ndez/');
    // The frame's own title is Spanish too: it is how assistive technology names it.
    await expect.poll(async () => visibleText(await firefox.tree('Notas de relaciones'))).toContain('Lucía Fernández');
    await expect.poll(async () => visibleText(await firefox.tree('Notas de relaciones'))).toContain('Cómo puedo ayudar');
    // The less-used fields wait behind "Más" on a first run.
    await firefox.press({ role: 'pushbutton', name: 'Más' }, 'Notas de relaciones');
    await expect.poll(async () => visibleText(await firefox.tree('Notas de relaciones'))).toContain('Dónde nos conocimos');
    expect(await firefox.find({ role: 'entry', name: 'Notas' }, 'Notas de relaciones')).toBeDefined();

    await firefox.openExtensionPage('popup.html');
    // Nobody saved yet: the first-run guide, in Spanish.
    await expect.poll(async () => visibleText(await firefox.tree())).toContain('Empieza aquí');
    expect(visibleText(await firefox.tree())).toContain('Importa tus datos de LinkedIn');
    await firefox.openExtensionPage('options.html');
    await expect.poll(async () => visibleText(await firefox.tree())).toContain('Importar');
    expect(firefox.extensionErrors()).toEqual([]);
  } finally {
    await firefox.discard();
  }
});
