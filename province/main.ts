/** Province dashboard entry (`/province/`, served by the hub): every center live, a center's floor, reports. */
import './components/register';
