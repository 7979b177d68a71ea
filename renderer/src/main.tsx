import './i18n';
// antd's prebuilt sheet first, so the app's own rules of equal weight come after it and win.
import 'antd/dist/antd.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useSession } from './stores/session';

void useSession.getState().start();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App staticStyles />
    </StrictMode>,
  );
}
