import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { showErrorOnForm, type FormErrorOptions } from './errors';

export interface FormSubmitOptions extends FormErrorOptions {
  /** Sees every failure before it is shown, e.g. to start a throttle countdown. */
  onError?(err: unknown): void;
  /** Shows what no field can show; a toast by default, which a dialog replaces with an error kept in view. */
  showMessage?(text: string): void;
}

/**
 * A form's submit through a core call: busy while it runs; a failure lands on the fields
 * it names, and whatever no field can show becomes one message.
 */
export function useFormSubmit<V>(form: FormInstance, call: (values: V) => Promise<void>, { onError, showMessage, ...options }: FormSubmitOptions = {}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    try {
      await call(values);
    } catch (err) {
      onError?.(err);
      const text = showErrorOnForm(form, err, options);
      if (text) {
        if (showMessage) showMessage(text);
        else void message.error(text);
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
